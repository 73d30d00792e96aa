namespace Winnow.Cli;

/// <summary>
/// The process exit codes of <c>winnow</c>, one per kind of failure, so scripts can tell them
/// apart. Every expected failure prints one line on stderr and never a stack trace.
/// </summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>An unexpected error (a bug): System.CommandLine's default exception handler also returns 1.</summary>
    public const int Unexpected = 1;

    /// <summary>Bad command line: unknown option, bad value, missing argument (2 as in bash builtins and getopt tools).</summary>
    public const int Usage = 2;

    /// <summary>The input file or directory is missing or cannot be read (or is a corrupt .gz).</summary>
    public const int Unreadable = 3;

    /// <summary>The input is not an HTML page (an image, a PDF, …): <see cref="NotHtmlException"/> or a binary Content-Type.</summary>
    public const int NotHtml = 4;

    /// <summary>The URL could not be fetched: DNS failure, connection refused, TLS error, HTTP status ≥ 400.</summary>
    public const int FetchFailed = 5;

    /// <summary>The page is larger than <see cref="ExtractionOptions.MaxInputBytes"/>: <see cref="PageTooLargeException"/>.</summary>
    public const int TooLarge = 6;

    /// <summary>The fetch or the extraction ran past its time limit (<see cref="ExtractionTimeoutException"/>).</summary>
    public const int Timeout = 7;

    /// <summary>The cluster database cannot be reached or used (<c>cluster</c>, <c>worker</c>).</summary>
    public const int Database = 8;
}
