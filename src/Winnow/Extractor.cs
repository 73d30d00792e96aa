using System.Collections.Immutable;
using System.Diagnostics;
using Winnow.Content;
using Winnow.Dom;
using Winnow.Input;
using Winnow.Language;
using Winnow.Metadata;

namespace Winnow;

/// <summary>
/// Turns a page's HTML into a clean article record. Build it once from an
/// <see cref="ExtractionOptions"/> record and reuse it: it holds no per-call state and is safe
/// to call from many threads at once.
/// </summary>
public sealed class Extractor
{
    readonly ContentCascade _cascade;

    public Extractor(ExtractionOptions? options = null)
    {
        Options = options ?? ExtractionOptions.Default;
        _cascade = new ContentCascade(Options);
    }

    /// <summary>The options this extractor was built with.</summary>
    public ExtractionOptions Options { get; }

    /// <summary>Extracts from the page's raw bytes (any encoding).</summary>
    /// <param name="html">The bytes as served.</param>
    /// <param name="url">The page's URL, used to resolve links and as a metadata source.</param>
    /// <param name="contentType">The transport's <c>Content-Type</c> (its charset is a decoding hint).</param>
    /// <param name="cancellationToken">Stops the work early.</param>
    public ExtractionResult Extract(byte[] html, string? url = null, string? contentType = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        return Extract(html.AsSpan(), url, contentType, cancellationToken);
    }

    /// <inheritdoc cref="Extract(byte[], string?, string?, CancellationToken)"/>
    public ExtractionResult Extract(ReadOnlySpan<byte> html, string? url = null, string? contentType = null, CancellationToken cancellationToken = default)
    {
        if (html.Length > Options.MaxInputBytes) throw new PageTooLargeException(html.Length, Options.MaxInputBytes);
        if (HtmlDecoder.LooksBinary(html, out var reason)) throw new NotHtmlException(reason);
        var start = Stopwatch.GetTimestamp();
        var decoded = HtmlDecoder.Decode(html, contentType);
        return Run(decoded.Text, url, decoded, cancellationToken, Stopwatch.GetTimestamp() - start);
    }

    /// <summary>Extracts from a stream of the page's raw bytes; reads at most the size limit.</summary>
    public ExtractionResult Extract(Stream html, string? url = null, string? contentType = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = html.Read(chunk, 0, chunk.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            buffer.Write(chunk, 0, read);
            if (buffer.Length > Options.MaxInputBytes) throw new PageTooLargeException(buffer.Length, Options.MaxInputBytes);
        }
        return Extract(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), url, contentType, cancellationToken);
    }

    /// <summary>Extracts from already-decoded HTML text.</summary>
    public ExtractionResult Extract(string html, string? url = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        // Characters stand for bytes here: the same page as UTF-8 is at least this long.
        if (html.Length > Options.MaxInputBytes) throw new PageTooLargeException(html.Length, Options.MaxInputBytes);
        return Run(html, url, null, cancellationToken);
    }

    ExtractionResult Run(string html, string? url, DecodedText? decoded, CancellationToken cancellationToken, long decodeTicks = 0)
    {
        var clock = new StageClock(decodeTicks);
        var started = Stopwatch.GetTimestamp();
        using var timeout = new CancellationTokenSource(Options.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var token = linked.Token;
        try
        {
            Uri? pageUrl = url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) ? u : null;
            var parsed = PageParser.Parse(html, Options.MaxTreeDepth, token);
            clock.Lap(StageClock.Parse);
            CheckBudget(started, token);
            // Metadata first: cleaning removes the scripts that hold JSON-LD.
            // The metadata's scan of the whole page also collects the JSON-LD scripts (read by the content stage for a
            // stated body) and what the tree cleaner removes: the content stage need not walk the page again for them.
            IReadOnlyList<string>? jsonLd = null;
            Cleaning.CleaningPlan? cleaning = null;
            var article = Options.IncludeMetadata ? MetadataReader.Read(parsed.Document, pageUrl, out jsonLd, out cleaning) : new ArticleMetadata();
            clock.Lap(StageClock.Metadata);
            CheckBudget(started, token);
            var content = _cascade.Run(parsed.Document, pageUrl, article, token, jsonLd, cleaning);
            clock.Lap(StageClock.Content);
            CheckBudget(started, token);
            var warnings = parsed.DepthLimited
                ? ImmutableArray.Create($"The markup nests deeper than {Options.MaxTreeDepth} levels; deeper tags were flattened.")
                : ImmutableArray<string>.Empty;
            var finished = content.Article;
            if (!finished.Sources.ContainsKey("page_type"))
                finished = finished with
                {
                    PageType = PageTypeClassifier.FromShape(Output.PlainText.Length(content.Body), finished.ArticleElementCount),
                    Sources = finished.Sources.SetItem("page_type", "shape"),
                };
            clock.Lap(StageClock.Metadata);
            if (Options.IncludeMetadata) finished = PageLanguage.Apply(finished, content.Body);
            clock.Lap(StageClock.Language);
            return new ExtractionResult(
                finished,
                content.Body,
                content.Diagnostics with
                {
                    Encoding = decoded?.EncodingName,
                    EncodingSource = decoded?.Source.ToString(),
                    Warnings = content.Diagnostics.Warnings.AddRange(warnings),
                    Timings = clock.Report(),
                })
            { Thread = content.Thread };
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ExtractionTimeoutException(Options.Timeout);
        }
    }

    /// <summary>
    /// Stops between stages when the caller cancelled or the budget is spent. The budget is also read
    /// from the clock, not only from the timer's token: a timer callback can be late on a busy thread
    /// pool (CI saw a 1-tick budget still return a result), and the budget must hold regardless.
    /// </summary>
    void CheckBudget(long started, CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        if (Stopwatch.GetElapsedTime(started) > Options.Timeout) throw new ExtractionTimeoutException(Options.Timeout);
    }
}
