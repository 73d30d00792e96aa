using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Winnow.Output;
using Winnow.Service.Fetching;
using Winnow.Service.Limits;
using Winnow.Service.Observability;

namespace Winnow.Service.Endpoints;

/// <summary>
/// <c>POST /v1/extract</c> (the page in the body: <c>text/html</c> with its charset, or JSON
/// <c>{"html": …, "url": …}</c>) and <c>GET /v1/extract?url=…</c> (the service fetches the page).
/// Every failure is a problem+json answer with the status that says what went wrong; bad input
/// never gets a 500.
/// </summary>
internal sealed class ExtractEndpoint(ServiceOptions options, SafeFetcher fetcher, ExtractionGate gate, ServiceMetrics metrics)
{
    readonly ConcurrentDictionary<ExtractionOptions, Extractor> _extractors = new();
    readonly ExtractionOptions _defaults = ExtractionOptions.Default with
    {
        Timeout = options.ExtractionTimeout,
        MaxInputBytes = options.MaxBodyBytes,
    };

    Extractor ExtractorFor(ExtractionOptions o) => _extractors.GetOrAdd(o, x => new Extractor(x));

    public async Task<IResult> PostAsync(HttpContext http)
    {
        var (ro, error) = RequestOptions.Parse(http.Request.Query, http.Request.Headers.Accept.ToString(), _defaults);
        if (ro is null) return Problems.BadRequest(error!, metrics);
        var request = http.Request;
        if (request.ContentLength is long declared && declared > options.MaxBodyBytes)
            return Problems.TooLarge(declared, options.MaxBodyBytes, metrics);

        MediaTypeHeaderValue? contentType = null;
        if (!string.IsNullOrEmpty(request.ContentType) && !MediaTypeHeaderValue.TryParse(request.ContentType, out contentType))
            return Problems.UnsupportedMediaType(request.ContentType, metrics);
        var media = contentType?.MediaType?.ToLowerInvariant();
        bool json = media is "application/json" or "text/json" || (media?.EndsWith("+json", StringComparison.Ordinal) ?? false);
        if (!json && media is not (null or "text/html" or "application/xhtml+xml" or "text/plain" or "application/octet-stream"))
            return Problems.UnsupportedMediaType(request.ContentType!, metrics);

        byte[] body;
        try
        {
            body = await BodyReader.ReadCappedAsync(request.Body, options.MaxBodyBytes, http.RequestAborted);
        }
        catch (PageTooLargeException e)
        {
            return Problems.TooLarge(e.Size, options.MaxBodyBytes, metrics);
        }

        var pageUrl = request.Query.TryGetValue("url", out var qu) ? qu[0] : null;
        if (json)
        {
            string? html;
            try
            {
                using var doc = JsonDocument.Parse(body);
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                    return Problems.BadRequest("the JSON body must be an object: {\"html\": \"…\", \"url\": \"…\"}.", metrics);
                if (!root.TryGetProperty("html", out var h) || h.ValueKind != JsonValueKind.String)
                    return Problems.BadRequest("the JSON body has no \"html\" string.", metrics);
                html = h.GetString();
                if (root.TryGetProperty("url", out var u))
                {
                    if (u.ValueKind == JsonValueKind.String) pageUrl = u.GetString();
                    else if (u.ValueKind != JsonValueKind.Null) return Problems.BadRequest("\"url\" must be a string.", metrics);
                }
            }
            catch (JsonException e)
            {
                return Problems.BadRequest($"the body is not valid JSON: {e.Message}", metrics);
            }
            return await ExtractAsync(http, ro, pageUrl, x => x.Extract(html!, pageUrl, http.RequestAborted));
        }
        var charsetType = contentType?.CharSet is { Length: > 0 } ? request.ContentType : null;
        return await ExtractAsync(http, ro, pageUrl, x => x.Extract(body, pageUrl, charsetType, http.RequestAborted));
    }

    public async Task<IResult> GetAsync(HttpContext http)
    {
        var (ro, error) = RequestOptions.Parse(http.Request.Query, http.Request.Headers.Accept.ToString(), _defaults);
        if (ro is null) return Problems.BadRequest(error!, metrics);
        if (!http.Request.Query.TryGetValue("url", out var q) || string.IsNullOrWhiteSpace(q[0]))
            return Problems.BadRequest("the url query parameter is missing: GET /v1/extract?url=https://…", metrics);
        if (!Uri.TryCreate(q[0]!.Trim(), UriKind.Absolute, out var url))
            return Problems.BadRequest($"'{q[0]}' is not an absolute URL.", metrics);
        FetchedPage page;
        try
        {
            page = await fetcher.FetchAsync(url, http.RequestAborted);
        }
        catch (BadTargetException e) { return Problems.BadRequest(e.Message, metrics); }
        catch (ForbiddenTargetException e) { return Problems.Forbidden(e.Message, metrics); }
        catch (FetchTimeoutException e) { return Problems.Timeout(e.Message, "fetch_timeout", metrics); }
        catch (FetchFailedException e) { return Problems.BadGateway(e.Message, metrics); }
        catch (PageTooLargeException e) { return Problems.TooLarge(e.Size, options.MaxBodyBytes, metrics); }
        var finalUrl = page.FinalUrl.ToString();
        return await ExtractAsync(http, ro, finalUrl, x => x.Extract(page.Bytes, finalUrl, page.ContentType, http.RequestAborted));
    }

    async Task<IResult> ExtractAsync(HttpContext http, RequestOptions ro, string? url, Func<Extractor, ExtractionResult> run)
    {
        using var slot = await gate.EnterAsync(http.RequestAborted);
        if (slot is null) return Problems.Overloaded(metrics);
        ExtractionResult result;
        try
        {
            result = run(ExtractorFor(ro.Extraction));
        }
        catch (PageTooLargeException e) { return Problems.TooLarge(e.Size, options.MaxBodyBytes, metrics); }
        catch (NotHtmlException e) { return Problems.NotHtml(e.Message, metrics); }
        catch (ExtractionTimeoutException e) { return Problems.Timeout(e.Message, "extraction_timeout", metrics); }
        metrics.PageExtracted();
        var text = ro.Format == OutputFormat.Json ? JsonRenderer.Render(result, url: url) : OutputRenderer.Render(result, ro.Format);
        return Results.Text(text, RequestOptions.ContentType(ro.Format));
    }
}
