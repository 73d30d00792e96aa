using Microsoft.AspNetCore.Http;
using Winnow.Service.Observability;

namespace Winnow.Service.Endpoints;

/// <summary>The service's error answers: RFC 9457 problem details (<c>application/problem+json</c>), one per failure kind, counted in the metrics.</summary>
internal static class Problems
{
    static IResult Make(int status, string title, string detail, string kind, ServiceMetrics metrics, IDictionary<string, object?>? extensions = null)
    {
        metrics.Error(kind);
        return Results.Problem(detail: detail, statusCode: status, title: title, type: $"https://winnow.dev/problems/{kind.Replace('_', '-')}", extensions: extensions);
    }

    public static IResult BadRequest(string detail, ServiceMetrics m) => Make(400, "Bad request", detail, "bad_request", m);
    public static IResult Forbidden(string detail, ServiceMetrics m) => Make(403, "Target not allowed", detail, "forbidden_target", m);
    public static IResult TooLarge(long size, long limit, ServiceMetrics m) =>
        Make(413, "Page too large", $"the page is at least {size:N0} bytes, over the limit of {limit:N0} bytes.", "too_large", m);
    public static IResult UnsupportedMediaType(string contentType, ServiceMetrics m) =>
        Make(415, "Unsupported media type", $"'{contentType}' is not accepted: send text/html (with its charset) or application/json {{\"html\": \"…\"}}.", "unsupported_media_type", m);
    public static IResult NotHtml(string detail, ServiceMetrics m) => Make(422, "Not an HTML page", detail, "not_html", m);
    public static IResult BadGateway(string detail, ServiceMetrics m) => Make(502, "Fetching the page failed", detail, "fetch_failed", m);
    public static IResult Timeout(string detail, string kind, ServiceMetrics m) => Make(504, "Timed out", detail, kind, m);
    public static IResult Overloaded(ServiceMetrics m) =>
        new RetryAfter(Make(503, "Busy", "every extraction slot is taken and the queue is full; retry shortly.", "overloaded", m), 1);

    /// <summary>Adds a Retry-After header (seconds) to another result.</summary>
    sealed class RetryAfter(IResult inner, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
