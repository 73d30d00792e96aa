using System.Collections.Immutable;
using AngleSharp.Dom;
using Winnow.Blocks;

namespace Winnow.Content;

/// <summary>What the content stage produces.</summary>
internal sealed record ContentResult(ArticleMetadata Article, ImmutableArray<Block> Body, ExtractionDiagnostics Diagnostics);

/// <summary>The gated cascade that picks the article's content. (Placeholder: being written.)</summary>
internal sealed class ContentCascade(ExtractionOptions options)
{
    public ContentResult Run(IDocument document, Uri? pageUrl, ArticleMetadata article, CancellationToken token)
    {
        var text = document.Body?.TextContent ?? "";
        var body = ImmutableArray.Create<Block>(new ParagraphBlock(ImmutableArray.Create<Inline>(new TextInline(text.Trim()))));
        return new ContentResult(article, body, new ExtractionDiagnostics { Strategy = "placeholder" });
    }
}
