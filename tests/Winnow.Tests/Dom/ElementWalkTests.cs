using AngleSharp.Dom;
using Winnow.Dom;

namespace Winnow.Tests.Dom;

public class ElementWalkTests
{
    const string Page = "<html><body><div id=a><p id=b>x<span id=c>y</span></p><ul id=d><li id=e>1<li id=f>2</ul></div><p id=g>z</body></html>";

    [Fact]
    public void Descendants_AreInDocumentOrder_WithoutTheRoot()
    {
        var document = PageParser.Parse(Page, 512).Document;

        var walked = ElementWalk.Descendants(document.Body!).Select(e => e.Id).ToArray();
        var expected = document.Body!.QuerySelectorAll("*").Select(e => e.Id).ToArray();

        Assert.Equal(expected, walked);
        Assert.Equal(new string?[] { "a", "b", "c", "d", "e", "f", "g" }, walked);
    }

    [Fact]
    public void Walk_VisitsTheRoot_AndSkipsChildrenWhenEnterReturnsFalse()
    {
        var document = PageParser.Parse(Page, 512).Document;
        var visited = new List<string>();

        ElementWalk.Walk(document.Body!, e =>
        {
            visited.Add(e.LocalName == "body" ? "body" : e.Id!);
            return e.Id != "d" && e.Id != "b";
        });

        Assert.Equal(["body", "a", "b", "d", "g"], visited);
    }

    [Fact]
    public void Walk_SeesChildrenChangedByEnter()
    {
        var document = PageParser.Parse(Page, 512).Document;
        var visited = new List<string>();

        ElementWalk.Walk(document.Body!, e =>
        {
            if (e.Id == "a") e.RemoveChild(e.FirstElementChild!); // drop p#b before its subtree is read
            visited.Add(e.Id ?? "");
            return true;
        });

        Assert.DoesNotContain("b", visited);
        Assert.DoesNotContain("c", visited);
        Assert.Contains("e", visited);
    }

    [Fact]
    public void HundredThousandDeepTree_DoesNotOverflowTheStack()
    {
        const int Depth = 100_000;
        // Unclosed spans: the one nesting AngleSharp builds in linear time without the depth bound
        // (no scope search for them). Building it with AppendChild is quadratic: each insertion walks
        // the inserted subtree (base URL refresh) or the new parent's ancestors.
        var html = string.Concat(Enumerable.Repeat("<span>", Depth)) + "deepest";
        var body = PageParser.Parse(html, int.MaxValue).Document.Body!;

        Assert.Equal(Depth, ElementWalk.Descendants(body).Count());
        int entered = 0;
        IElement? last = null;
        ElementWalk.Walk(body, e => { entered++; last = e; return true; });
        Assert.Equal(Depth + 1, entered);
        Assert.Equal("deepest", last!.FirstChild!.TextContent);
        Assert.Equal(Depth, ElementWalk.MaxDepth(body));
    }
}
