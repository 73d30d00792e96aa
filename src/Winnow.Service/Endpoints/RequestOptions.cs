using Microsoft.AspNetCore.Http;
using Winnow.Output;

namespace Winnow.Service.Endpoints;

/// <summary>
/// What a request asks for: the output format (query <c>format</c>, else the <c>Accept</c> header,
/// else JSON) and the extraction options (<c>focus</c>, <c>comments</c>, <c>forum_replies</c>, <c>tables</c>,
/// <c>images</c>, <c>links</c>), as in the library.
/// </summary>
internal sealed record RequestOptions(OutputFormat Format, ExtractionOptions Extraction)
{
    public static (RequestOptions? Options, string? Error) Parse(IQueryCollection query, string? accept, ExtractionOptions defaults)
    {
        OutputFormat format;
        if (query.TryGetValue("format", out var f) && f.Count > 0)
        {
            switch (f[0]?.Trim().ToLowerInvariant())
            {
                case "json": format = OutputFormat.Json; break;
                case "markdown" or "md": format = OutputFormat.Markdown; break;
                case "text" or "txt": format = OutputFormat.Text; break;
                case "html": format = OutputFormat.Html; break;
                default: return (null, $"format '{f[0]}' is not one of json, markdown, text, html.");
            }
        }
        else format = FromAccept(accept);

        var o = defaults;
        if (query.TryGetValue("focus", out var focus) && focus.Count > 0)
        {
            switch (focus[0]?.Trim().ToLowerInvariant())
            {
                case "precision": o = o with { Focus = ExtractionFocus.Precision }; break;
                case "balanced": o = o with { Focus = ExtractionFocus.Balanced }; break;
                case "recall": o = o with { Focus = ExtractionFocus.Recall }; break;
                default: return (null, $"focus '{focus[0]}' is not one of precision, balanced, recall.");
            }
        }
        if (query.TryGetValue("forum_replies", out var replies) && replies.Count > 0)
        {
            switch (replies[0]?.Trim().ToLowerInvariant())
            {
                case "thread": o = o with { ForumReplies = ForumReplies.Thread }; break;
                case "body": o = o with { ForumReplies = ForumReplies.Body }; break;
                default: return (null, $"forum_replies '{replies[0]}' is not one of thread, body.");
            }
        }
        foreach (var name in new[] { "comments", "tables", "images", "links" })
        {
            if (!query.TryGetValue(name, out var v) || v.Count == 0) continue;
            bool? b = v[0]?.Trim().ToLowerInvariant() switch
            {
                "true" or "1" or "yes" or "on" or "" => true,
                "false" or "0" or "no" or "off" => false,
                _ => null,
            };
            if (b is not { } value) return (null, $"{name} '{v[0]}' is not true or false.");
            o = name switch
            {
                "comments" => o with { IncludeComments = value },
                "tables" => o with { IncludeTables = value },
                "images" => o with { IncludeImages = value },
                _ => o with { IncludeLinks = value },
            };
        }
        return (new RequestOptions(format, o), null);
    }

    /// <summary>The first media type of the Accept header that names a format; JSON otherwise (and for */*).</summary>
    static OutputFormat FromAccept(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept)) return OutputFormat.Json;
        foreach (var part in accept.Split(','))
        {
            var media = part.Split(';')[0].Trim().ToLowerInvariant();
            switch (media)
            {
                case "application/json": return OutputFormat.Json;
                case "text/markdown" or "text/x-markdown": return OutputFormat.Markdown;
                case "text/plain": return OutputFormat.Text;
                case "text/html": return OutputFormat.Html;
            }
        }
        return OutputFormat.Json;
    }

    public static string ContentType(OutputFormat format) => format switch
    {
        OutputFormat.Markdown => "text/markdown; charset=utf-8",
        OutputFormat.Text => "text/plain; charset=utf-8",
        OutputFormat.Html => "text/html; charset=utf-8",
        _ => "application/json; charset=utf-8",
    };
}
