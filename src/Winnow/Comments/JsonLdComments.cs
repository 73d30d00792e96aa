using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Winnow.Metadata;

namespace Winnow.Comments;

/// <summary>
/// The comment thread a page states in its JSON-LD, for pages whose markup shows none (threads rendered by script, Q&amp;A
/// pages whose answers are only in the data): the <c>comment</c> list of the page's article or posting (schema.org
/// <c>Comment</c>, with replies in their own <c>comment</c>), or the <c>acceptedAnswer</c> and <c>suggestedAnswer</c>
/// of a <c>Question</c> that is a Q&amp;A page's subject (a <c>QAPage</c>'s, or a page's lone top-level <c>Question</c>;
/// an <c>FAQPage</c>'s questions and answers are the site's own text, not a thread). Each comment's text, author, date, vote count and id; replies nested under their parent. The
/// first statement that gives comments is the thread (a page states one thread).
/// </summary>
internal static partial class JsonLdComments
{
    // Nesting deeper than this in the JSON is not a thread any page shows; it bounds the walk on hostile input.
    const int MaxDepth = 32;
    // More comments than this from one page's JSON-LD: the rest is dropped and the thread says it is partial.
    const int MaxComments = 5000;

    public static CommentThread Read(IReadOnlyList<string> scripts)
    {
        foreach (var json in scripts)
        {
            if (!json.Contains("\"comment\"", StringComparison.Ordinal) && !json.Contains("Answer\"", StringComparison.Ordinal)) continue;
            try
            {
                using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
                var comments = new List<Comment>();
                var partial = false;
                if (FindThread(doc.RootElement, comments, ref partial, 0, inQaPage: false)) return new CommentThread([.. comments], partial);
            }
            catch (JsonException) { /* invalid JSON-LD is common; it states no thread */ }
        }
        return CommentThread.Empty;
    }

    /// <summary>Searches objects (arrays, @graph, nested entities) for the first that holds comments or answers.</summary>
    static bool FindThread(JsonElement e, List<Comment> into, ref bool partial, int depth, bool inQaPage)
    {
        if (depth > MaxDepth) return false;
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
                if (FindThread(item, into, ref partial, depth + 1, inQaPage)) return true;
            return false;
        }
        if (e.ValueKind != JsonValueKind.Object) return false;
        var types = JsonLdReader.TypesOf(e);
        // an FAQ's questions and answers are the page's content (haustiermagazin.com: an FAQPage after the article)
        if (types.Contains("FAQPage")) return false;
        inQaPage |= types.Contains("QAPage");
        // a Q&A page's Question: its answers are the thread (its own comments first, as the page shows them)
        if ((inQaPage || depth == 0 && types.Contains("Question")) && (e.TryGetProperty("acceptedAnswer", out _) || e.TryGetProperty("suggestedAnswer", out _)))
        {
            if (e.TryGetProperty("comment", out var qc)) AddAll(qc, null, into, ref partial, accepted: false, depth);
            if (e.TryGetProperty("acceptedAnswer", out var acc)) AddAll(acc, null, into, ref partial, accepted: true, depth);
            if (e.TryGetProperty("suggestedAnswer", out var sug)) AddAll(sug, null, into, ref partial, accepted: false, depth);
            if (into.Count > 0) return true;
        }
        else if (e.TryGetProperty("comment", out var c) && !IsComment(e))
        {
            AddAll(c, null, into, ref partial, accepted: false, depth);
            if (into.Count > 0) return true;
        }
        foreach (var p in e.EnumerateObject())
            if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array && p.Name is not ("comment" or "acceptedAnswer" or "suggestedAnswer")
                && FindThread(p.Value, into, ref partial, depth + 1, inQaPage))
                return true;
        return false;
    }

    static bool IsComment(JsonElement e) => JsonLdReader.TypesOf(e).Any(t => t is "Comment" or "Answer");

    static void AddAll(JsonElement list, int? parent, List<Comment> into, ref bool partial, bool accepted, int depth)
    {
        if (depth > MaxDepth) return;
        if (list.ValueKind == JsonValueKind.Object) { Add(list, parent, into, ref partial, accepted, depth); return; }
        if (list.ValueKind != JsonValueKind.Array) return;
        foreach (var item in list.EnumerateArray())
            if (item.ValueKind == JsonValueKind.Object) Add(item, parent, into, ref partial, accepted, depth);
    }

    static void Add(JsonElement c, int? parent, List<Comment> into, ref bool partial, bool accepted, int depth)
    {
        if (into.Count >= MaxComments) { partial = true; return; }
        var paragraphs = Paragraphs(Text(c, "text") ?? Text(c, "articleBody") ?? Text(c, "description"));
        if (paragraphs.Count == 0) return;
        var author = c.TryGetProperty("author", out var a) ? AuthorName(a) : null;
        var date = Text(c, "dateCreated") ?? Text(c, "datePublished");
        int? score = !c.TryGetProperty("upvoteCount", out var u) ? null
            : u.ValueKind == JsonValueKind.Number && u.TryGetInt32(out var votes) ? votes
            : u.ValueKind == JsonValueKind.String && int.TryParse(u.GetString(), out var counted) ? counted : null;
        var index = into.Count;
        into.Add(new Comment(Text(c, "@id") ?? Text(c, "url"), parent, parent is { } p ? into[p].Depth + 1 : 0,
            author, a.ValueKind == JsonValueKind.Object ? Text(a, "url") : null,
            date is null ? null : DateParsing.Parse(date, "json-ld") ?? new PageDate(date, null, false, "json-ld"),
            CommentText.ToBlocks(paragraphs), score) { IsAccepted = accepted });
        if (c.TryGetProperty("comment", out var replies)) AddAll(replies, index, into, ref partial, accepted: false, depth + 1);
    }

    static string? AuthorName(JsonElement a) => a.ValueKind switch
    {
        JsonValueKind.String => Clean(a.GetString()),
        JsonValueKind.Object => Text(a, "name") ?? Text(a, "alternateName"),
        JsonValueKind.Array => a.EnumerateArray().Select(AuthorName).FirstOrDefault(n => n is not null),
        _ => null,
    };

    static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? Clean(v.GetString()) : null;

    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The text's paragraphs: HTML (comment texts are often stored as markup) broken at paragraphs and line breaks.</summary>
    static List<List<string>> Paragraphs(string? text)
    {
        var result = new List<List<string>>();
        if (text is null) return result;
        if (text.Contains('<')) text = Tags().Replace(BlockBreaks().Replace(text, "\n\n"), "");
        text = WebUtility.HtmlDecode(text).Replace("\r\n", "\n");
        foreach (var block in ParagraphBreak().Split(text))
        {
            var lines = block.Split('\n').Select(l => Dom.TextMeasure.Collapse(l)).Where(l => l.Length > 0).ToList();
            if (lines.Count > 0) result.Add(lines);
        }
        return result;
    }

    [GeneratedRegex(@"<br\s*/?>|</p\s*>|<p(?:\s[^>]*)?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockBreaks();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex ParagraphBreak();
}
