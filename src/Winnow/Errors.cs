namespace Winnow;

/// <summary>Base of every error Winnow raises on purpose; the message says what to do.</summary>
public class WinnowException : Exception
{
    public WinnowException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>The input is larger than <see cref="ExtractionOptions.MaxInputBytes"/>.</summary>
public sealed class PageTooLargeException(long size, long limit)
    : WinnowException($"The page is {size:N0} bytes, over the limit of {limit:N0} bytes (ExtractionOptions.MaxInputBytes).")
{
    public long Size { get; } = size;
    public long Limit { get; } = limit;
}

/// <summary>The input does not look like HTML or text (e.g. an image or a PDF).</summary>
public sealed class NotHtmlException(string reason)
    : WinnowException($"The input is not an HTML page: {reason}.");

/// <summary>Extraction took longer than <see cref="ExtractionOptions.Timeout"/>.</summary>
public sealed class ExtractionTimeoutException(TimeSpan limit)
    : WinnowException($"Extraction took longer than the limit of {limit.TotalSeconds:0.#} s (ExtractionOptions.Timeout).");
