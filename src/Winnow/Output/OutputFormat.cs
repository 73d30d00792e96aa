namespace Winnow.Output;

/// <summary>The formats a result can be rendered to.</summary>
public enum OutputFormat
{
    /// <summary>The plain-text article record (<see cref="TextRecordRenderer"/>).</summary>
    Text,
    /// <summary>CommonMark with pipe tables (<see cref="MarkdownRenderer"/>).</summary>
    Markdown,
    /// <summary>A safe HTML5 document (<see cref="HtmlRenderer"/>).</summary>
    Html,
    /// <summary>JSON, schema <c>winnow/1</c> (<see cref="JsonRenderer"/>).</summary>
    Json,
}

/// <summary>Renders a result in any <see cref="OutputFormat"/>, with each renderer's defaults.</summary>
public static class OutputRenderer
{
    public static string Render(ExtractionResult r, OutputFormat format) => format switch
    {
        OutputFormat.Text => TextRecordRenderer.Render(r),
        OutputFormat.Markdown => MarkdownRenderer.Render(r),
        OutputFormat.Html => HtmlRenderer.Render(r),
        OutputFormat.Json => JsonRenderer.Render(r),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown output format."),
    };
}
