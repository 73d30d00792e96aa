namespace Winnow.Dom;

/// <summary>Cheap text measures used by every strategy.</summary>
internal static class TextMeasure
{
    /// <summary>Length of <paramref name="text"/> with every white-space run counted as one character
    /// and leading/trailing white space not counted.</summary>
    public static int CollapsedLength(string text)
    {
        int n = 0;
        bool space = true; // leading white space is not counted
        foreach (var c in text)
        {
            if (IsSpace(c))
            {
                if (!space) { n++; space = true; }
            }
            else { n++; space = false; }
        }
        if (space && n > 0) n--; // trailing space
        return n < 0 ? 0 : n;
    }

    /// <summary>Number of commas (Latin, Arabic, CJK full-width and ideographic).</summary>
    public static int Commas(string text)
    {
        int n = 0;
        foreach (var c in text)
            if (c is ',' or '，' or '、' or '،') n++;
        return n;
    }

    public static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\u00A0' or '\u200B' || (c > 127 && char.IsWhiteSpace(c));

    /// <summary>Collapses white-space runs to one space and trims.</summary>
    public static string Collapse(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        bool space = true;
        foreach (var c in text)
        {
            if (IsSpace(c) && c != '\u00A0')
            {
                if (!space) { sb.Append(' '); space = true; }
            }
            else { sb.Append(c); space = false; }
        }
        if (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        return sb.ToString();
    }
}
