namespace Winnow.Service;

/// <summary>All settings of <c>winnow serve</c>, as one immutable record with defaults.</summary>
public sealed record ServiceOptions
{
    public static ServiceOptions Default { get; } = new();

    /// <summary>Where to listen (Kestrel URLs, ';'-separated).</summary>
    public string Urls { get; init; } = "http://127.0.0.1:8080";

    /// <summary>Let <c>GET /v1/extract?url=</c> reach loopback, private, link-local and cloud-metadata addresses.</summary>
    public bool AllowPrivateTargets { get; init; }

    /// <summary>Largest request body (and fetched page) accepted, in bytes; larger gets 413.</summary>
    /// <remarks>The extractor's own page limit (<see cref="ExtractionOptions.MaxInputBytes"/>, 20 MB): a
    /// larger body could never be extracted, so it is refused before it is read.</remarks>
    public long MaxBodyBytes { get; init; } = ExtractionOptions.Default.MaxInputBytes;

    /// <summary>Time budget for one request's extraction (the fetch has its own, <see cref="FetchTimeout"/>); past it, 504.</summary>
    /// <remarks>The extractor's default page budget (10 s): the slowest corpus page takes 0.3 s.</remarks>
    public TimeSpan ExtractionTimeout { get; init; } = ExtractionOptions.Default.Timeout;

    /// <summary>Extractions running at once; further requests wait in the queue.</summary>
    public int MaxConcurrentExtractions { get; init; } = Environment.ProcessorCount;

    /// <summary>Requests allowed to wait for an extraction slot; past it, 503 with Retry-After.</summary>
    /// <remarks>Four per slot: at 5–20 ms a page, a full queue drains in well under a second.</remarks>
    public int MaxQueuedExtractions { get; init; } = 4 * Environment.ProcessorCount;

    /// <summary>Connecting to a page's host may take this long.</summary>
    public TimeSpan FetchConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The whole fetch (redirects, retries and body) may take this long; past it, 504.</summary>
    public TimeSpan FetchTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Redirects followed per fetch.</summary>
    /// <remarks>10: more than any real page chain needs, well under browsers' 20.</remarks>
    public int MaxRedirects { get; init; } = 10;

    /// <summary>Retries of a transient fetch failure (connection refused/reset, 502/503/504, 429).</summary>
    public int FetchRetries { get; init; } = 2;
}
