using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Winnow.Dom;
using Winnow.Metadata;

namespace Winnow.Comments;

/// <summary>
/// Reads one comment's author, author URL, date and score from its element(s), leaving out its replies.
/// </summary>
internal static partial class CommentFields
{
    /// <summary>The element that names the author, preferring the most precise one (schema.org name, hCard <c>fn</c>, then author classes).</summary>
    public static IElement? AuthorElement(IReadOnlyList<IElement> elements, Func<IElement, bool> excluded)
    {
        IElement? byClass = null, cite = null;
        foreach (var root in elements)
            foreach (var el in Within(root, excluded))
            {
                var prop = el.GetAttribute("itemprop");
                if (prop == "author" || prop == "creator")
                {
                    var name = el.QuerySelector("[itemprop=name]");
                    return name ?? el;
                }
                var parts = CommentVocabulary.Parts(el);
                if (parts.Contains("fn")) return el;
                if (byClass is null && !parts.Contains("avatar") && !parts.Contains("gravatar")
                    && !parts.Any(p => p is "content" or "text" or "body" or "message" or "texte")
                    && parts.Any(p => p is "author" or "commenter" or "username" or "nickname" or "user" or "poster" or "name" or "nick")
                    && !parts.Contains("bypostauthor")
                    && CommentText.Flat(el, e => false).Length > 0)
                    byClass = el;
                if (cite is null && el.LocalName == "cite") cite = el;
            }
        if (byClass is not null)
        {
            // The innermost author element: "comment-author" often wraps the avatar, the name link and "says:".
            var inner = byClass;
            foreach (var el in ElementWalk.Descendants(byClass))
            {
                var parts = CommentVocabulary.Parts(el);
                if (parts.Any(p => p is "author" or "name" or "fn" or "username" or "nick") && CommentText.Flat(el, e => false).Length > 0) inner = el;
            }
            return inner;
        }
        return cite;
    }

    /// <summary>The author's name from its element: the text without "says:" and without a "Comment by" lead-in; the link on it.</summary>
    public static (string? Name, string? Url) Author(IElement? el, Uri? pageUrl)
    {
        if (el is null) return (null, null);
        var text = CommentText.Flat(el, e => e.LocalName is "img" or "time" || CommentVocabulary.Parts(e).Any(p => p is "says" or "date" or "time" or "avatar" or "badge" or "role"));
        string? name = text;
        var by = BylinePattern().Match(text);
        if (by.Success) name = by.Groups["name"].Value;
        name = SaysSuffix().Replace(name, "").Trim();
        if (name.Length == 0 || name.Length > 80) name = null; // longer than any name: a sentence, not a name
        var link = el.LocalName == "a" ? el : el.QuerySelector("a[href]");
        string? url = null;
        if (link?.GetAttribute("href") is { Length: > 0 } href && !href.StartsWith('#') && !href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
            url = pageUrl is not null && Uri.TryCreate(pageUrl, href, out var abs) ? abs.ToString() : href;
        // A "Comment by X — date" byline: the name is the link when there is one.
        if (by.Success && link is not null && NodeText.Of(link).Trim() is { Length: > 0 } linkText && name is not null && name.StartsWith(linkText, StringComparison.Ordinal))
            name = linkText;
        return (name, url);
    }

    /// <summary>
    /// The author and date from a meta line when no element names the author: "geschrieben von NAME am DATE", or
    /// "NAME | DATE" (Drupal themes put both in one heading).
    /// </summary>
    public static (string? Name, string? Date) FromMetaLine(IReadOnlyList<IElement> elements, Func<IElement, bool> excluded, IElement? dateElement)
    {
        if (dateElement is not null)
        {
            var m = BylinePattern().Match(CommentText.Flat(dateElement, e => false));
            if (m.Success && m.Groups["date"].Success && m.Groups["name"].Value.Length <= 60) return (m.Groups["name"].Value.Trim(), m.Groups["date"].Value.Trim());
        }
        foreach (var root in elements)
            foreach (var el in Within(root, excluded))
            {
                if (!CommentVocabulary.IsChrome(el) && el.LocalName is not ("h4" or "h5" or "h6")) continue;
                var text = CommentText.Flat(el, e => false);
                int bar = text.IndexOf(" | ", StringComparison.Ordinal);
                // A name has no digits and is short (40: longer than the names of the corpus threads).
                if (bar > 0 && bar <= 40 && !text[..bar].Any(char.IsDigit) && text[(bar + 3)..].Any(char.IsDigit))
                    return (text[..bar].Trim(), text[(bar + 3)..].Trim());
            }
        return (null, null);
    }

    /// <summary>"Comment by NAME — DATE", "geschrieben von NAME am DATE", "par NAME le DATE": the byline of old themes.</summary>
    [GeneratedRegex(@"^(?:.{0,30}?\b)?(?:by|von|par|de|por|door|da)\s+(?<name>.+?)(?:\s+(?:—|–|-|\||,|@|am|on|at|le|el|il|op|um)\s+(?<date>.*\d.*))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex BylinePattern();

    [GeneratedRegex(@"\s*(?:says|sagt|schreibt|meint|dit|escribió|scrive|wrote|schrieb)\s*:?\s*$|\s*:\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SaysSuffix();

    /// <summary>The element that holds the date: a <c>time</c>, a schema.org date, or a date/time class.</summary>
    public static IElement? DateElement(IReadOnlyList<IElement> elements, Func<IElement, bool> excluded)
    {
        IElement? byClass = null;
        foreach (var root in elements)
            foreach (var el in Within(root, excluded))
            {
                if (el.LocalName == "time") return el;
                var prop = el.GetAttribute("itemprop");
                if (prop is "dateCreated" or "datePublished" or "commentTime") return el;
                if (byClass is null)
                {
                    var parts = CommentVocabulary.Parts(el);
                    if (parts.Any(p => p is "date" or "time" or "datetime" or "timestamp" or "published" or "commentmetadata" or "metadata" or "ago")
                        && !parts.Any(p => p is "author" or "fn")) byClass = el;
                }
            }
        return byClass;
    }

    /// <summary>The date as displayed (without a leading "on"/"am"/"Le") with its ISO value when it parses.</summary>
    public static PageDate? Date(IElement? el, string? bylineDate)
    {
        string? raw = null;
        if (el is not null)
        {
            raw = CommentText.Flat(el, e => CommentVocabulary.Parts(e).Any(p => p is "edit" or "reply" or "permalink" && e.LocalName != "time"));
            raw = raw.Replace(" | ", " ", StringComparison.Ordinal).Trim(' ', '|', '·', '-', '—');
            if (raw.Length == 0) raw = el.GetAttribute("datetime") ?? el.GetAttribute("title");
        }
        raw ??= bylineDate;
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 80) return null; // a date line is short; longer is a sentence
        raw = LeadIn().Replace(raw, "");
        var attr = el?.GetAttribute("datetime") ?? el?.GetAttribute("title") ?? el?.QuerySelector("time[datetime]")?.GetAttribute("datetime");
        var parsed = (attr is not null ? DateParsing.Parse(attr, "comment") : null) ?? DateParsing.Parse(raw, "comment");
        return new PageDate(raw, parsed?.Value, parsed?.HasTime ?? false, "comment");
    }

    [GeneratedRegex(@"^(?:on|am|le|el|il|op|posted|gepostet)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadIn();

    /// <summary>A vote count or score the page shows (an element named vote/score/rating/likes holding a number).</summary>
    public static int? Score(IReadOnlyList<IElement> elements, Func<IElement, bool> excluded)
    {
        foreach (var root in elements)
            foreach (var el in Within(root, excluded))
            {
                var parts = CommentVocabulary.Parts(el);
                if (!parts.Any(p => p is "vote" or "votes" or "score" or "rating" or "karma" or "points" or "likes")) continue;
                var m = NumberPattern().Match(CommentText.Flat(el, e => false));
                if (m.Success && int.TryParse(m.Value, out var n)) return n;
            }
        return null;
    }

    [GeneratedRegex(@"^[-+−]?\d{1,7}$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    /// <summary>The descendants of <paramref name="root"/> in document order, skipping excluded subtrees.</summary>
    static IEnumerable<IElement> Within(IElement root, Func<IElement, bool> excluded)
    {
        var pending = new Stack<IElement>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var el = pending.Pop();
            if (el != root)
            {
                if (excluded(el)) continue;
                yield return el;
            }
            var children = el.ChildNodes;
            for (int i = children.Length - 1; i >= 0; i--)
                if (children[i] is IElement c) pending.Push(c);
        }
    }
}
