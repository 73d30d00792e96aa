using Winnow.Output;

namespace Winnow.Cli;

/// <summary>Renders an extraction result in the format chosen with <c>--format</c>, with the library's renderers.</summary>
public static class Formatting
{
    /// <summary>The values <c>--format</c> accepts.</summary>
    public static readonly string[] Formats = ["text", "markdown", "html", "json"];

    /// <summary>Renders <paramref name="r"/> as <paramref name="format"/> (one of <see cref="Formats"/>).</summary>
    /// <param name="r">The result.</param>
    /// <param name="format">text, markdown, html or json.</param>
    /// <param name="url">The page's URL, stated in the JSON record.</param>
    /// <param name="includeComments">Append the comment thread to the text record (the other formats always carry it).</param>
    public static string Render(ExtractionResult r, string format, string? url = null, bool includeComments = false) => format switch
    {
        "text" => TextRecordRenderer.Render(r, includeComments),
        "markdown" => MarkdownRenderer.Render(r),
        "html" => HtmlRenderer.Render(r, fullDocument: true),
        "json" => JsonRenderer.Render(r, indented: true, url: url),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Expected one of: " + string.Join(", ", Formats) + "."),
    };
}
