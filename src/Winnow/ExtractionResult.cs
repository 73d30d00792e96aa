using System.Collections.Immutable;
using Winnow.Blocks;

namespace Winnow;

/// <summary>What <see cref="Extractor.Extract(byte[], string?, string?, CancellationToken)"/> returns: one immutable record.</summary>
/// <param name="Article">The article's metadata.</param>
/// <param name="Body">The article's body as a block tree.</param>
/// <param name="Diagnostics">How the result was reached.</param>
public sealed record ExtractionResult(
    ArticleMetadata Article,
    ImmutableArray<Block> Body,
    ExtractionDiagnostics Diagnostics)
{
    /// <summary>The readers' comment thread, apart from the body (empty when there is none or <see cref="ExtractionOptions.IncludeComments"/> is off).</summary>
    public Comments.CommentThread Thread { get; init; } = Comments.CommentThread.Empty;

    /// <summary>The body as plain text: blocks separated by a blank line (rendered on each call; keep it).</summary>
    public string BodyText => Output.PlainText.Render(Body);

    /// <summary>
    /// The article's text as a reader sees it under the headline: the standfirst when the page shows it
    /// (not when it only comes from a meta description), then the body. This is the "main text" the
    /// benchmarks annotate.
    /// </summary>
    public string ArticleText
    {
        get
        {
            var body = BodyText;
            if (Article.Standfirst is { Length: > 0 } s && Article.IsStandfirstVisible)
                return body.Length == 0 ? s : s + "\n\n" + body;
            return body;
        }
    }
}

/// <summary>A date as the page states it, with its normalised value when it could be parsed.</summary>
/// <param name="Raw">The string found in the page.</param>
/// <param name="Value">The parsed value (offset zero when the page gave no time zone).</param>
/// <param name="HasTime">Whether the page gave a time of day.</param>
/// <param name="Source">Where it was found (e.g. <c>json-ld:datePublished</c>, <c>meta:article:published_time</c>).</param>
public sealed record PageDate(string Raw, DateTimeOffset? Value, bool HasTime, string Source)
{
    /// <summary>ISO 8601: a date-time with offset when the page gave a time, else a calendar date.</summary>
    public string? Iso => Value is null ? null
        : HasTime ? Value.Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)
        : Value.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The article's metadata: what the page states plainly.</summary>
public sealed record ArticleMetadata
{
    public string? Title { get; init; }
    /// <summary>The subtitle, dek or standfirst.</summary>
    public string? Standfirst { get; init; }
    /// <summary>The authors' names as the page displays them (people; organisations only when no person is named).</summary>
    public ImmutableArray<string> Authors { get; init; } = ImmutableArray<string>.Empty;
    /// <summary>
    /// Whether <see cref="Authors"/> names organisations (a JSON-LD Organization author, or a meta author that is the
    /// site's own name) because the page names no person; <c>Sources["authors"]</c> says which.
    /// </summary>
    public bool AuthorsAreOrganizations { get; init; }
    /// <summary>The author box's text about the author, when the page has one.</summary>
    public string? AuthorBio { get; init; }
    public PageDate? Published { get; init; }
    public PageDate? Modified { get; init; }
    public string? SiteName { get; init; }
    /// <summary>BCP 47 language tag as the page states it, or as identified from the body text when the page states none or a wrong one (see <c>Sources["language"]</c>).</summary>
    public string? Language { get; init; }
    public string? CanonicalUrl { get; init; }
    /// <summary>Lead image URL, absolute when the page URL is known.</summary>
    public string? Image { get; init; }
    public ImmutableArray<string> Tags { get; init; } = ImmutableArray<string>.Empty;
    /// <summary>The sections the article is filed under (WordPress categories, articleSection, article:section).</summary>
    public ImmutableArray<string> Categories { get; init; } = ImmutableArray<string>.Empty;
    /// <summary>The content license the page states (a Creative Commons URL as its short name, e.g. "CC BY-SA 4.0").</summary>
    public string? License { get; init; }
    /// <summary>What kind of page this is: from the page's own statement, else from its shape.</summary>
    public PageType PageType { get; init; }
    /// <summary>How many &lt;article&gt; elements the page has (the shape evidence for <see cref="PageType"/>).</summary>
    internal int ArticleElementCount { get; init; }
    /// <summary>Prefix of a source that names an element of the page the reader sees (e.g. <c>visible:h2.entry-subtitle</c>).</summary>
    public const string VisibleSourcePrefix = "visible:";

    /// <summary>Whether the standfirst is shown on the page (rather than only stated in a meta description).</summary>
    public bool IsStandfirstVisible => Sources.TryGetValue("standfirst", out var s) && s.StartsWith(VisibleSourcePrefix, StringComparison.Ordinal);

    /// <summary>Per field, where its value came from (field name → source).</summary>
    public ImmutableDictionary<string, string> Sources { get; init; } = ImmutableDictionary<string, string>.Empty;
}

/// <summary>How the result was reached: the decoding, the strategy that won, the candidates, and what was removed.</summary>
public sealed record ExtractionDiagnostics
{
    /// <summary>The encoding the bytes were decoded with (WHATWG name), and why.</summary>
    public string? Encoding { get; init; }
    public string? EncodingSource { get; init; }
    /// <summary>The strategy whose result became the body.</summary>
    public string Strategy { get; init; } = "";
    /// <summary>Every strategy tried, with the length of the text it gave.</summary>
    public ImmutableArray<CandidateReport> Candidates { get; init; } = ImmutableArray<CandidateReport>.Empty;
    /// <summary>What cleaning removed, grouped by reason.</summary>
    public ImmutableArray<RemovalReport> Removals { get; init; } = ImmutableArray<RemovalReport>.Empty;
    /// <summary>Whether a comment region was found and detached from the body.</summary>
    public int CommentRegions { get; init; }
    /// <summary>Time spent per stage of this extraction (decode, parse, metadata, content, …), in stage order.</summary>
    public ImmutableArray<StageTiming> Timings { get; init; } = ImmutableArray<StageTiming>.Empty;
    /// <summary>Non-fatal problems (e.g. the tree was flattened past the depth limit).</summary>
    public ImmutableArray<string> Warnings { get; init; } = ImmutableArray<string>.Empty;
}

/// <summary>The time one stage of an extraction took, and the bytes it allocated on the extracting thread; a stage that
/// runs in several laps (metadata read before the body and completed after it) is summed.</summary>
public sealed record StageTiming(string Stage, double Milliseconds, long AllocatedBytes = 0);

/// <summary>One strategy's candidate.</summary>
public sealed record CandidateReport(string Strategy, int TextLength, string? Root, string? Note);

/// <summary>Elements removed for one reason.</summary>
public sealed record RemovalReport(string Reason, int Count, string? Example);
