using System.Text;

namespace Winnow.Output;

/// <summary>Small text helpers the renderers share.</summary>
internal static class OutputText
{
    /// <summary>Every run of white space (any kind, line breaks included) as one space; trimmed.
    /// For one-line fields: title, standfirst, author names.</summary>
    public static string Collapse(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The authors' names, collapsed, without empty ones or repeats.</summary>
    public static List<string> Authors(ArticleMetadata a)
    {
        var list = new List<string>();
        foreach (var name in a.Authors)
        {
            var n = Collapse(name);
            if (n.Length > 0 && !list.Contains(n, StringComparer.Ordinal)) list.Add(n);
        }
        return list;
    }

    /// <summary>The date to show for a <see cref="PageDate"/>: its ISO form when parsed, else the page's text.</summary>
    public static string? ShowDate(PageDate? d) => d is null ? null : d.Iso ?? NullIfEmpty(Collapse(d.Raw));

    public static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    /// <summary>A text block: line breaks normalised to <c>\n</c>, trailing spaces of lines and
    /// blank lines at both ends removed. For multi-line fields such as the author bio.</summary>
    public static string Block(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return "";
        var lines = s.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        return string.Join("\n", lines.Select(l => l.TrimEnd())).Trim('\n');
    }
}
