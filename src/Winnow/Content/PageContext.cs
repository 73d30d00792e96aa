using AngleSharp.Dom;
using Winnow.Cleaning;
using Winnow.Dom;

namespace Winnow.Content;

/// <summary>Everything the strategies share about one page: the cleaned tree and its side tables.</summary>
internal sealed class PageContext
{
    public PageContext(IElement body, ExtractionOptions options, Uri? pageUrl, ArticleMetadata article, RemovalLog log, ElementConcepts concepts, CancellationToken token)
    {
        Body = body;
        Options = options;
        PageUrl = pageUrl;
        Article = article;
        Log = log;
        Token = token;
        Stats = StatsTable.Build(body);
        Concepts = concepts;
    }

    public IElement Body { get; }
    public ExtractionOptions Options { get; }
    public Uri? PageUrl { get; }
    public ArticleMetadata Article { get; }
    public RemovalLog Log { get; }
    public CancellationToken Token { get; }
    public StatsTable Stats { get; }
    public ElementConcepts Concepts { get; }
}
