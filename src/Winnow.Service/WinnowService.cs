using System.Diagnostics;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Winnow.Service.Endpoints;
using Winnow.Service.Fetching;
using Winnow.Service.Limits;
using Winnow.Service.Observability;

namespace Winnow.Service;

/// <summary>
/// Builds the HTTP service: <c>POST/GET /v1/extract</c>, <c>/openapi.json</c>, <c>/healthz</c>,
/// <c>/metrics</c> and the reader page at <c>/</c>. <c>winnow serve</c> runs it; tests build it on
/// the ASP.NET test server through <paramref name="configure"/>.
/// </summary>
public static class WinnowService
{
    public static WebApplication Build(ServiceOptions options, Action<WebApplicationBuilder>? configure = null) =>
        Build(options, null, configure);

    internal static WebApplication Build(ServiceOptions options, SafeFetcher? fetcher, Action<WebApplicationBuilder>? configure)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.WebHost.ConfigureKestrel(k =>
        {
            // the body cap is enforced while reading (BodyReader), so Kestrel's own 30 MB default must not
            // answer first with a bare 413; JSON bodies carry a little more than the page itself
            k.Limits.MaxRequestBodySize = null;
            k.AddServerHeader = false;
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(fetcher ?? new SafeFetcher(options));
        builder.Services.AddSingleton(new ExtractionGate(options.MaxConcurrentExtractions, options.MaxQueuedExtractions));
        builder.Services.AddSingleton<ServiceMetrics>();
        builder.Services.AddSingleton<ExtractEndpoint>();
        configure?.Invoke(builder);

        var app = builder.Build();
        var metrics = app.Services.GetRequiredService<ServiceMetrics>();
        var gate = app.Services.GetRequiredService<ExtractionGate>();

        // Unexpected failures still answer in problem+json (and are counted): never a bare 500 page.
        app.UseExceptionHandler(error => error.Run(async http =>
        {
            var e = http.Features.Get<IExceptionHandlerFeature>()?.Error;
            var badRequest = e is BadHttpRequestException;
            metrics.Error(badRequest ? "bad_request" : "internal");
            http.Response.StatusCode = badRequest ? ((BadHttpRequestException)e!).StatusCode : 500;
            await Results.Problem(statusCode: http.Response.StatusCode,
                title: badRequest ? "Bad request" : "Internal error",
                detail: badRequest ? e!.Message : "the service failed on this request; the error is logged.").ExecuteAsync(http);
        }));
        app.Use(async (http, next) =>
        {
            var start = Stopwatch.GetTimestamp();
            await next(http);
            var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "other";
            metrics.Request(route, http.Response.StatusCode, Stopwatch.GetElapsedTime(start));
        });

        app.MapPost("/v1/extract", (HttpContext http, ExtractEndpoint e) => e.PostAsync(http));
        app.MapGet("/v1/extract", (HttpContext http, ExtractEndpoint e) => e.GetAsync(http));
        app.MapGet("/healthz", () => Results.Text("ok\n", "text/plain; charset=utf-8"));
        app.MapGet("/metrics", () => Results.Text(metrics.ToPrometheus(gate.Waiting), "text/plain; version=0.0.4; charset=utf-8"));
        app.MapGet("/openapi.json", () => Results.Text(Resource("openapi.json"), "application/json; charset=utf-8"));
        app.MapGet("/", () => Results.Text(Resource("index.html"), "text/html; charset=utf-8"));
        return app;
    }

    /// <summary>Runs the service until <paramref name="token"/> is cancelled or the host is stopped (Ctrl+C, SIGTERM).</summary>
    public static async Task RunAsync(ServiceOptions options, Action<string>? started, CancellationToken token)
    {
        await using var app = Build(options);
        await app.StartAsync(token).ConfigureAwait(false);
        started?.Invoke(string.Join(", ", app.Urls));
        try
        {
            await Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.WaitForShutdownAsync(app, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    static readonly Dictionary<string, string> Resources = new(StringComparer.Ordinal);

    /// <summary>A file of the Reader folder, embedded in the assembly.</summary>
    internal static string Resource(string name)
    {
        lock (Resources)
        {
            if (Resources.TryGetValue(name, out var cached)) return cached;
            var asm = typeof(WinnowService).Assembly;
            var full = asm.GetManifestResourceNames().Single(n => n.EndsWith("." + name, StringComparison.Ordinal));
            using var stream = asm.GetManifestResourceStream(full)!;
            using var reader = new StreamReader(stream);
            return Resources[name] = reader.ReadToEnd();
        }
    }
}
