using AngleSharp.Dom;
using Winnow.Cleaning;

namespace Winnow.Content;

/// <summary>
/// Decides, inside a chosen content root, which subtrees are not article text: navigation, share
/// bars, ads, related lists, bylines, link farms. Every removal is guarded: a subtree that holds
/// most of the root's text is never dropped for its name alone.
/// </summary>
internal sealed class BoilerplateFilter(PageContext page, IElement root, ExtractionFocus focus)
{
    readonly int _rootText = Math.Max(1, page.Stats[root].Text);
    readonly ExtractionFocus _focus = focus;

    /// <summary>The reason to skip <paramref name="el"/>, or null to keep it.</summary>
    public string? SkipReason(IElement el)
    {
        var stats = page.Stats[el];
        var concepts = page.Concepts[el];
        var tag = el.LocalName;
        // Guard: a subtree holding half of the root's text is the content, whatever it is called
        // (e.g. "content sidebar-left" wrappers); half is the point where it can no longer be an aside.
        bool dominant = stats.Text > _rootText / 2 && stats.Text > 300;

        // Headings are judged with their container: their ids are slugs of their text ("nav_nur_die_folie__1" on heise.de).
        bool heading = tag is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";
        if (heading) return null;
        if ((concepts & Concept.Comments) != 0 && !dominant) return "comments";
        if ((concepts & Concept.Boilerplate) != 0 && !dominant && (concepts & Concept.ArticleBody) == 0)
            return "class:" + Describe(concepts & Concept.Boilerplate);
        // Bylines, datelines, tag lists: short by nature; 200 characters covers "By A, B and C | Updated …".
        if ((concepts & (Concept.Byline | Concept.Tags)) != 0 && (concepts & (Concept.ArticleBody | Concept.Content)) == 0 && stats.Text < 200 && stats.Paragraphs == 0)
            return "byline";
        // Captions and photo credits outside a figure (div.wp-caption-text, span.credit); 300 characters
        // is a long caption, while a real paragraph wrongly named "media-body" is longer.
        if ((concepts & Concept.Caption) != 0 && (concepts & (Concept.ArticleBody | Concept.Content)) == 0 && stats.Text < 300 && stats.Paragraphs <= 1)
            return "caption";
        if ((concepts & Concept.AuthorBox) != 0 && !dominant && stats.Text < 1500)
            return "author-box";
        if (IsLinkFarm(el, tag, stats)) return "link-density";
        return null;
    }

    bool IsLinkFarm(IElement el, string tag, Dom.ElementStats s)
    {
        if (s.Text == 0 || s.LinkText == 0) return false;
        double density = s.LinkDensity;
        switch (tag)
        {
            case "p":
                // A paragraph that is one long link is a teaser (trafilatura: one link over 90% of 100+ characters);
                // short linked lines ("Beachbody Performance Energize") are often content.
                return s.Links == 1 && density > 0.9 && s.Text >= (_focus == ExtractionFocus.Precision ? 10 : 100) && _focus != ExtractionFocus.Recall;
            case "ul" or "ol" or "dl":
                // Link lists: Readability removes lists over 0.5 link density when short of commas.
                return density > (_focus == ExtractionFocus.Recall ? 0.75 : 0.5) && s.Commas < 10;
            case "div" or "section" or "table" or "nav" or "header" or "footer" or "aside" or "article" or "span" or "center" or "form":
                if (s.Text > 3000) return density > 0.6;
                return density > (_focus == ExtractionFocus.Recall ? 0.7 : 0.5);
            case "li":
                return false; // judged with its list
            default:
                return false;
        }
    }

    static string Describe(Concept c) => c.ToString().Split(',')[0].Trim().ToLowerInvariant();
}
