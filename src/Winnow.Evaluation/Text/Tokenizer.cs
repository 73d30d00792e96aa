namespace Winnow.Evaluation.Text;

/// <summary>score.py's <c>tokenize</c>: every maximal run of Python <c>\w</c> characters.</summary>
public static class Tokenizer
{
    /// <summary>The tokens of <paramref name="text"/> in order (none for null).</summary>
    public static List<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text)) return tokens;
        int start = -1;
        for (int i = 0; i < text.Length;)
        {
            int cp = CodePoints.At(text, i, out int width);
            if (PyText.IsWordChar(cp))
            {
                if (start < 0) start = i;
            }
            else if (start >= 0)
            {
                tokens.Add(text.Substring(start, i - start));
                start = -1;
            }
            i += width;
        }
        if (start >= 0) tokens.Add(text.Substring(start));
        return tokens;
    }
}
