using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Winnow.Dom;

/// <summary>The parsed page and what the parser had to bound.</summary>
public sealed record ParsedPage(IHtmlDocument Document, bool DepthLimited);

/// <summary>One configured HTML parser. (Placeholder: depth bounding being written.)</summary>
public static class PageParser
{
    public static ParsedPage Parse(string html, int maxDepth, CancellationToken cancellationToken = default)
    {
        var parser = new HtmlParser();
        return new ParsedPage(parser.ParseDocument(html), false);
    }
}
