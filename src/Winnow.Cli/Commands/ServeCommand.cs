using System.CommandLine;
using Winnow.Service;

namespace Winnow.Cli.Commands;

/// <summary><c>winnow serve [--urls URLS] [--allow-private-targets]</c>: the HTTP service and the reader page.</summary>
public static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var urls = new Option<string>("--urls")
        {
            HelpName = "URLS",
            Description = $"Where to listen, ';'-separated (default {ServiceOptions.Default.Urls}).",
            DefaultValueFactory = _ => ServiceOptions.Default.Urls,
        };
        var allowPrivate = new Option<bool>("--allow-private-targets")
        {
            Description = "Let GET /v1/extract?url= fetch loopback, private and link-local addresses (off: the service refuses them, against SSRF).",
        };
        var command = new Command("serve", "Run the HTTP service: POST/GET /v1/extract, /openapi.json, /healthz, /metrics, and the reader page at /.")
        {
            urls, allowPrivate,
        };
        command.SetAction(async (parse, token) =>
        {
            var options = ServiceOptions.Default with
            {
                Urls = parse.GetValue(urls)!,
                AllowPrivateTargets = parse.GetValue(allowPrivate),
            };
            await WinnowService.RunAsync(options, listening =>
            {
                console.Error.WriteLine($"winnow serve: listening on {listening} (reader page at /, API at /v1/extract); Ctrl+C stops.");
                console.Error.Flush();
            }, token);
            return ExitCodes.Ok;
        });
        return command;
    }
}
