using System.CommandLine;
using Winnow.Cli.Input;

namespace Winnow.Cli.Commands;

/// <summary><c>winnow extract FILE|URL|- [options]</c>: one page in, one article record out on stdout.</summary>
public static class ExtractCommand
{
    // 30 s: trafilatura's download timeout (DOWNLOAD_TIMEOUT in its settings.cfg), for a fetch without --timeout.
    static readonly TimeSpan DefaultFetchTimeout = TimeSpan.FromSeconds(30);

    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("input")
        {
            HelpName = "FILE|URL|-",
            Description = "The page: an HTML file (plain or .gz), an http(s) URL to fetch, or - for standard input (bytes, any encoding).",
        };
        // An unknown option would otherwise be taken for the input's name ("cannot read '--bogs'").
        input.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is { Length: > 1 } && value[0] == '-')
                result.AddError($"Unrecognized option '{value}' (to read a file whose name starts with '-', write ./{value}).");
        });
        var url = new Option<string?>("--url")
        {
            HelpName = "URL",
            Description = "The page's URL, to resolve relative links (default: the final URL after redirects when fetching).",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong(Formatting.Formats);
        var focus = new Option<string>("--focus")
        {
            Description = "Favour precision or recall when choosing the content.",
            DefaultValueFactory = _ => "balanced",
        };
        focus.AcceptOnlyFromAmong("precision", "balanced", "recall");
        var noComments = new Option<bool>("--no-comments") { Description = "Do not extract the readers' comment thread." };
        var comments = new Option<bool>("--comments") { Description = "Append the readers' comment thread to the text record (markdown, html and json always carry it)." };
        var forumReplies = new Option<string>("--forum-replies")
        {
            Description = "On forum threads and Q&A pages, put the replies in the comment thread (default) or in the body after the opening post.",
            DefaultValueFactory = _ => "thread",
        };
        forumReplies.AcceptOnlyFromAmong("thread", "body");
        var noMetadata = new Option<bool>("--no-metadata") { Description = "Extract the body (and thread) only: no title, authors, dates, language or other metadata (faster)." };
        var noTables = new Option<bool>("--no-tables") { Description = "Leave tables out of the body." };
        var noImages = new Option<bool>("--no-images") { Description = "Leave images (figures) out of the body." };
        var noLinks = new Option<bool>("--no-links") { Description = "Keep the text of links but not their targets." };
        var timeout = new Option<double?>("--timeout")
        {
            HelpName = "SECONDS",
            Description = $"Time limit, applied to the fetch and to the extraction each (default: {DefaultFetchTimeout.TotalSeconds:0} s for a fetch, {ExtractionOptions.Default.Timeout.TotalSeconds:0} s for the extraction).",
            CustomParser = ParsePositiveSeconds,
        };

        var command = new Command("extract", "Extract the article from one page and print it.")
        {
            input, url, format, focus, comments, noComments, forumReplies, noMetadata, noTables, noImages, noLinks, timeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var seconds = parse.GetValue(timeout);
            var request = new ExtractRequest(
                Input: parse.GetValue(input)!,
                Url: parse.GetValue(url),
                Format: parse.GetValue(format)!,
                Options: ExtractionOptions.Default with
                {
                    Focus = Enum.Parse<ExtractionFocus>(parse.GetValue(focus)!, ignoreCase: true),
                    IncludeComments = !parse.GetValue(noComments),
                    IncludeMetadata = !parse.GetValue(noMetadata),
                    ForumReplies = Enum.Parse<ForumReplies>(parse.GetValue(forumReplies)!, ignoreCase: true),
                    IncludeTables = !parse.GetValue(noTables),
                    IncludeImages = !parse.GetValue(noImages),
                    IncludeLinks = !parse.GetValue(noLinks),
                    Timeout = seconds is double s ? TimeSpan.FromSeconds(s) : ExtractionOptions.Default.Timeout,
                },
                FetchTimeout: seconds is double f ? TimeSpan.FromSeconds(f) : DefaultFetchTimeout)
            {
                AppendComments = parse.GetValue(comments),
            };
            return await WinnowCli.Guard(console, () => RunAsync(request, console, cancellationToken)).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Everything <c>extract</c> was asked to do.</summary>
    public sealed record ExtractRequest(string Input, string? Url, string Format, ExtractionOptions Options, TimeSpan FetchTimeout)
    {
        /// <summary>Append the comment thread to the text record (<c>--comments</c>).</summary>
        public bool AppendComments { get; init; }
    }

    /// <summary>Runs <c>extract</c>; expected failures are thrown as <see cref="CliException"/> or <see cref="WinnowException"/>.</summary>
    public static async Task<int> RunAsync(ExtractRequest request, CliConsole console, CancellationToken cancellationToken)
    {
        string? pageUrl = null;
        if (request.Url is not null)
        {
            if (!IsHttpUrl(request.Url, out var given))
                throw new CliException(ExitCodes.Usage, $"--url must be an absolute http or https URL, not '{request.Url}'.");
            pageUrl = given.AbsoluteUri;
        }

        var max = request.Options.MaxInputBytes;
        byte[] bytes;
        string? contentType = null;
        string name;
        if (request.Input == "-")
        {
            name = "standard input";
            bytes = PageReader.ReadStream(console.Stdin, name, max);
        }
        else if (IsHttpUrl(request.Input, out var target))
        {
            name = target.AbsoluteUri;
            var page = await PageFetcher.FetchAsync(target, request.FetchTimeout, max, cancellationToken).ConfigureAwait(false);
            bytes = PageReader.IsGzip(page.Bytes) ? PageReader.ReadStream(new MemoryStream(page.Bytes), name, max) : page.Bytes;
            contentType = page.ContentType;
            pageUrl ??= page.FinalUrl.AbsoluteUri;
        }
        else if (LooksLikeOtherUrl(request.Input))
        {
            throw new CliException(ExitCodes.Usage, $"only http and https URLs can be fetched, not '{request.Input}'.");
        }
        else
        {
            name = $"'{request.Input}'";
            bytes = PageReader.ReadFile(request.Input, max);
        }

        var result = new Extractor(request.Options).Extract(bytes, pageUrl, contentType, cancellationToken);
        var text = Formatting.Render(result, request.Format, pageUrl, request.AppendComments);
        console.Out.Write(text);
        if (!text.EndsWith('\n')) console.Out.Write('\n');
        console.Out.Flush();
        return ExitCodes.Ok;
    }

    // A validator cannot do this: reading a value that failed to convert throws inside the parser.
    static double? ParsePositiveSeconds(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        // Upper bound: CancellationTokenSource accepts at most int.MaxValue milliseconds (about 24.8 days).
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s)
            && s > 0 && s <= int.MaxValue / 1000.0)
            return s;
        result.AddError($"--timeout must be a positive number of seconds, not '{text}'.");
        return null;
    }

    static bool IsHttpUrl(string s, out Uri uri) =>
        Uri.TryCreate(s, UriKind.Absolute, out uri!) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    // "ftp://…", "file://…": a scheme and "://" (a Windows path "C:\…" has no "//").
    static bool LooksLikeOtherUrl(string s)
    {
        var i = s.IndexOf("://", StringComparison.Ordinal);
        return i > 1 && s[..i].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
    }
}
