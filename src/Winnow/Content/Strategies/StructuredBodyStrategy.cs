using System.Text.Json;
using AngleSharp.Dom;
using Winnow.Dom;

namespace Winnow.Content.Strategies;

/// <summary>
/// The article text a page states in its JSON-LD (<c>articleBody</c>, <c>reviewBody</c>, <c>text</c> of an
/// article). Read before cleaning removes the scripts. Used to rescue pages whose visible body is
/// rendered by JavaScript, and as a check on the DOM result.
/// </summary>
internal static class StructuredBodyStrategy
{
    /// <summary>Shorter schema texts are summaries, not bodies (rs-trafilatura's 500).</summary>
    public const int MinLength = 500;

    public static string? Find(IDocument document) => Find(JsonLdScripts(document));

    /// <summary>The texts of the page's JSON-LD scripts, in document order.</summary>
    public static List<string> JsonLdScripts(IDocument document)
    {
        var scripts = new List<string>();
        foreach (var script in document.QuerySelectorAll("script[type]"))
        {
            var type = script.GetAttribute("type");
            if (type is null || !type.Contains("ld+json", StringComparison.OrdinalIgnoreCase)) continue;
            scripts.Add(NodeText.Of(script));
        }
        return scripts;
    }

    /// <summary>The longest stated body among the texts of the page's JSON-LD scripts.</summary>
    public static string? Find(IReadOnlyList<string> jsonLdScripts)
    {
        string? best = null;
        foreach (var json in jsonLdScripts)
        {
            if (!json.Contains("articleBody", StringComparison.Ordinal) && !json.Contains("reviewBody", StringComparison.Ordinal)) continue;
            try
            {
                using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
                Search(doc.RootElement, ref best, 0);
            }
            catch (JsonException) { /* invalid JSON-LD is common; it says nothing */ }
        }
        return best is not null && best.Length >= MinLength ? best : null;
    }

    static void Search(JsonElement e, ref string? best, int depth)
    {
        if (depth > 32) return;
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Value.ValueKind == JsonValueKind.String && p.Name is "articleBody" or "reviewBody")
                    {
                        var s = p.Value.GetString();
                        if (s is not null && (best is null || s.Length > best.Length)) best = s;
                    }
                    else Search(p.Value, ref best, depth + 1);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray()) Search(item, ref best, depth + 1);
                break;
        }
    }
}
