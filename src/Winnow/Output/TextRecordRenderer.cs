namespace Winnow.Output;

/// <summary>
/// The clean article record as plain text, in the form of the project's founding example
/// (<c>tests/data/seeds/article-record.txt</c>):
/// <code>
/// Title
///
/// Standfirst
///
/// Body paragraph 1
///
/// Body paragraph 2
///
/// Author: Name
///
/// Author bio
/// </code>
/// Each part is left out when the result has none, and parts are separated by one blank line.
/// Several authors are written <c>Authors: A; B</c>: a semicolon because names may hold commas
/// ("Smith, Jane"), the plural label so the line reads naturally. Title, standfirst and names are
/// each put on one line. Dates, site name and the rest of the metadata are not part of the record
/// (the founding example has none); the JSON output carries them. The text has no trailing newline.
/// </summary>
public static class TextRecordRenderer
{
    /// <param name="r">The extraction result.</param>
    /// <param name="includeComments">Append the readers' comment thread after the record, under a "Comments" line:
    /// each comment's author and date on one line, then its text; replies indented under their parent.</param>
    public static string Render(ExtractionResult r, bool includeComments = false)
    {
        ArgumentNullException.ThrowIfNull(r);
        var a = r.Article;
        var parts = new List<string>();
        Add(parts, OutputText.Collapse(a.Title));
        Add(parts, OutputText.Collapse(a.Standfirst));
        Add(parts, PlainText.Render(r.Body));
        var authors = OutputText.Authors(a);
        if (authors.Count == 1) parts.Add("Author: " + authors[0]);
        else if (authors.Count > 1) parts.Add("Authors: " + string.Join("; ", authors));
        Add(parts, OutputText.Block(a.AuthorBio));
        if (includeComments && r.Thread.Count > 0)
            parts.Add((r.Thread.IsPartial ? "Comments (part of the thread)" : "Comments") + "\n\n" + CommentOutline.ToText(r.Thread));
        return string.Join("\n\n", parts);
    }

    static void Add(List<string> parts, string s)
    {
        if (s.Length > 0) parts.Add(s);
    }
}
