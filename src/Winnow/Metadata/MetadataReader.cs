using AngleSharp.Dom;

namespace Winnow.Metadata;

/// <summary>Reads the article's metadata from the whole page, before cleaning. (Placeholder: being written.)</summary>
public static class MetadataReader
{
    public static ArticleMetadata Read(IDocument document, Uri? pageUrl)
        => new() { Title = document.Title?.Trim() };
}
