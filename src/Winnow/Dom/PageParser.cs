using System.Collections.Concurrent;
using AngleSharp.Browser;
using AngleSharp.Css.Parser;
using AngleSharp.Html.Construction;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Winnow.Dom;

/// <summary>The parsed page and what the parser had to bound.</summary>
/// <param name="Document">The document.</param>
/// <param name="DepthLimited">True when the markup nested deeper than the limit and tags were dropped
/// (their text kept), or when it made the parser reopen more formatting elements than
/// <see cref="DepthPrepass.ReopenBudget"/> and those were closed instead.</param>
public sealed record ParsedPage(IHtmlDocument Document, bool DepthLimited);

/// <summary>
/// The one configured HTML parser of the library. Bounds the nesting depth before AngleSharp
/// sees the markup, so hostile pages cannot stall it (see <see cref="DepthPrepass"/>).
/// </summary>
/// <remarks>
/// Why a pre-pass: AngleSharp's tree builder walks its stack of open elements for every
/// "in scope" check, so its cost grows with the square of the depth (0.6 s for 10,000 nested
/// divs, 66 s for 100,000). Its own <c>HtmlParserOptions.MaximumDepth</c> (default 512) only
/// re-parents elements past the limit: the stack of open elements still grows, and 100,000
/// nested divs took no less time with it (99 s without, 146 s with it, on a loaded machine).
/// Its token middleware hook needs a custom document factory ("No read-only construction
/// factory found" for the built-in types). So the depth is bounded in the markup; the option
/// stays on as a backstop for whatever the pre-pass's model of the tree builder misses.
/// </remarks>
public static class PageParser
{
    /// <summary>Smallest accepted limit: html, body and one element.</summary>
    public const int MinDepth = 3;

    // One parser per limit (in practice one: ExtractionOptions.MaxTreeDepth). A parser holds its
    // options and browsing context only; each parse builds its own document and tree builder, so
    // it is shared across threads. The context creates some services lazily (GetService replaces
    // a factory by its instance in a list slot); Warm() creates them all before the parser is
    // published, so after that nothing in the shared context is written during parsing (the CSS
    // selector parser's cache, used by QuerySelector, takes a lock).
    static readonly ConcurrentDictionary<int, HtmlParser> Parsers = new();

    /// <summary>Parses a page, bounding its nesting depth to <paramref name="maxDepth"/> (html = 1).</summary>
    /// <param name="html">The page's text.</param>
    /// <param name="maxDepth">Deepest element nesting to build; <see cref="int.MaxValue"/> lifts the limit.</param>
    /// <param name="cancellationToken">Checked during the pre-pass and between tokens of the parse.</param>
    public static ParsedPage Parse(string html, int maxDepth, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, MinDepth);
        cancellationToken.ThrowIfCancellationRequested();

        var parser = Parsers.GetOrAdd(maxDepth, Create);
        string source = html;
        bool limited = false;
        int modelDepth = 0;
        if (maxDepth != int.MaxValue)
        {
            source = DepthPrepass.Apply(html, maxDepth, cancellationToken, out var scan);
            limited = scan.Dropped > 0 || scan.Purged > 0;
            modelDepth = scan.MaxDepthSeen;
        }

        var document = cancellationToken.CanBeCanceled
            // The asynchronous parse checks the token before every token; on a string source it
            // completes synchronously.
            ? parser.ParseDocumentAsync(source, cancellationToken).GetAwaiter().GetResult()
            : parser.ParseDocument(source);

        // The backstop may have flattened what the model under-counted (e.g. implied tbody/tr).
        // Only worth a look when the model came near the limit: half of it, a margin far above
        // the model's under-count on real markup.
        if (!limited && maxDepth != int.MaxValue && modelDepth * 2 >= maxDepth && document.DocumentElement is { } root)
            limited = ElementWalk.MaxDepth(root) + 1 >= maxDepth;

        return new ParsedPage(document, limited);
    }

    static HtmlParser Create(int maxDepth)
    {
        var parser = new HtmlParser(new HtmlParserOptions
        {
            // Scripting off: <noscript> content is parsed as markup, not as raw text, so the real
            // <img> of lazy-loaded images is in the tree (the extractor decides what to keep).
            IsScripting = false,
            // No token references on the elements: they would keep the source alive.
            IsKeepingSourceReferences = false,
            // Source positions are never read. (No measurable speed difference on the corpus: 2.9 against
            // 3.0 ms a page; they would only take memory.)
            DisableElementPositionTracking = true,
            MaximumDepth = maxDepth,
        });
        Warm(parser);
        return parser;
    }

    static void Warm(HtmlParser parser)
    {
        var document = parser.ParseDocument("<p>x</p>");
        document.QuerySelector("p");
        var context = document.Context;
        context.GetService<IHtmlElementConstructionFactory>();
        context.GetService<ICssSelectorParser>();
        context.GetService<IHtmlParser>();
        context.GetService<INavigationHandler>();
    }
}
