using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Winnow.Cli;

/// <summary>Renders an extraction result in the format chosen with <c>--format</c>.</summary>
/// <remarks>
/// The real renderers (namespace <c>Winnow.Output</c>: <c>TextRecordRenderer</c>, <c>MarkdownRenderer</c>,
/// <c>HtmlRenderer</c>, <c>JsonRenderer</c>) are being written by another helper. Until they are merged,
/// every format here is a stand-in built from the title and <c>Winnow.Output.PlainText.Render(r.Body)</c>;
/// each TODO(lead) line names the call that replaces it.
/// </remarks>
public static class Formatting
{
    /// <summary>The values <c>--format</c> accepts.</summary>
    public static readonly string[] Formats = ["text", "markdown", "html", "json"];

    /// <summary>Renders <paramref name="r"/> as <paramref name="format"/> (one of <see cref="Formats"/>).</summary>
    public static string Render(ExtractionResult r, string format)
    {
        var title = r.Article.Title;
        var body = r.ArticleText;
        switch (format)
        {
            case "text":
                // TODO(lead): return Winnow.Output.TextRecordRenderer.Render(r);
                //   (pass includeComments: true here if the text record should show the thread unless --no-comments.)
                return string.IsNullOrEmpty(title) ? body : title + "\n\n" + body;

            case "markdown":
                // TODO(lead): return Winnow.Output.MarkdownRenderer.Render(r);
                return (string.IsNullOrEmpty(title) ? "" : "# " + title + "\n\n") + body;

            case "html":
                // TODO(lead): return Winnow.Output.HtmlRenderer.Render(r, fullDocument: true);
                return StandInHtml(title, body);

            case "json":
                // TODO(lead): return Winnow.Output.JsonRenderer.Render(r, indented: true);
                return StandInJson(title, body);

            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Expected one of: " + string.Join(", ", Formats) + ".");
        }
    }

    // Stand-in until HtmlRenderer is merged: the title and one <p> per plain-text paragraph.
    static string StandInHtml(string? title, string body)
    {
        var sb = new StringBuilder("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
        if (!string.IsNullOrEmpty(title)) sb.Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n");
        sb.Append("</head>\n<body>\n<article>\n");
        if (!string.IsNullOrEmpty(title)) sb.Append("<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>\n");
        foreach (var paragraph in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            sb.Append("<p>").Append(WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>\n")).Append("</p>\n");
        return sb.Append("</article>\n</body>\n</html>").ToString();
    }

    // Stand-in until JsonRenderer is merged: {"title", "body"}.
    static string StandInJson(string? title, string body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("title", title);
            writer.WriteString("body", body);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
