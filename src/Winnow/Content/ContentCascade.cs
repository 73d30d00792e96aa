using System.Collections.Immutable;
using AngleSharp.Dom;
using Winnow.Blocks;
using Winnow.Cleaning;
using Winnow.Comments;
using Winnow.Content.Strategies;
using Winnow.Output;

namespace Winnow.Content;

/// <summary>What the content stage produces.</summary>
internal sealed record ContentResult(ArticleMetadata Article, ImmutableArray<Block> Body, ExtractionDiagnostics Diagnostics);

/// <summary>
/// The gated cascade that picks the article's content: clean the tree, detach the comments, then
/// the selector rules first; the scoring walk is compared and replaces them only when it finds
/// clearly more; a baseline gathers paragraphs when both come back short.
/// </summary>
internal sealed class ContentCascade(ExtractionOptions options)
{
    /// <summary>A scoring result replaces the selector's only when this many times longer (trafilatura's 2× rule for Readability).</summary>
    const double ReplaceRatio = 2.0;
    /// <summary>Below this many characters the result is a failure and the baseline is tried (trafilatura's 250 gate).</summary>
    const int ShortResult = 250;
    /// <summary>Inside a generic container the scoring root wins when it keeps at least this share of the text (measured: 0.25–0.4 on the ScrapingHub pages).</summary>
    const double GenericMinShare = 0.25;
    /// <summary>Recall retry gates, trafilatura's escalation constants (tuned there as a set).</summary>
    const int RetryBelow = 3000;
    const double RetryPageShare = 0.2, RetryGain = 1.5;

    public ContentResult Run(IDocument document, Uri? pageUrl, ArticleMetadata article, CancellationToken token)
    {
        var log = new RemovalLog();
        var structured = StructuredBodyStrategy.Find(document); // before cleaning removes the scripts
        TreeCleaner.Clean(document, log);
        var body = document.Body ?? document.DocumentElement;
        if (body is null)
            return new ContentResult(article, ImmutableArray<Block>.Empty, new ExtractionDiagnostics { Strategy = "empty" });

        var concepts = new ElementConcepts();
        var regions = CommentRegionLocator.Locate(body, concepts);
        foreach (var r in regions) { log.Add("comments", r); r.Remove(); }
        token.ThrowIfCancellationRequested();

        var page = new PageContext(body, options, pageUrl, article, log, concepts, token);
        var candidates = new List<(string Name, ImmutableArray<Block> Blocks, int Length, string? Root)>();

        var selector = SelectorStrategy.Find(page);
        if (selector is { } sel)
        {
            var blocks = Build(page, sel.Roots);
            candidates.Add(("selector:" + sel.Tier, blocks, TextLength(blocks), RemovalLog.Describe(sel.Root) + (sel.Roots.Count > 1 ? $" +{sel.Roots.Count - 1} siblings" : "")));
        }
        token.ThrowIfCancellationRequested();
        var scoring = ScoringStrategy.Find(page);
        if (scoring is { } sco)
        {
            var blocks = selector is { } s0 && s0.Roots.SequenceEqual(sco.Roots) ? candidates[0].Blocks : Build(page, sco.Roots);
            candidates.Add(("scoring", blocks, TextLength(blocks), RemovalLog.Describe(sco.Root) + (sco.Roots.Count > 1 ? $" +{sco.Roots.Count - 1} siblings" : "")));
        }
        token.ThrowIfCancellationRequested();

        var chosen = Choose(candidates, selector, scoring?.Root);
        if (chosen is null || chosen.Value.Length < ShortResult)
        {
            // Both named containers and the scoring walk failed: the density classifier needs no container;
            // the whole body, filtered, is the last resort.
            var densityRoots = DensityStrategy.Find(page);
            var dense = Build(page, densityRoots);
            var density = ("density", dense, TextLength(dense), (string?)$"{densityRoots.Count} blocks");
            candidates.Add(density);
            if (chosen is null || density.Item3 > chosen.Value.Length) chosen = density;
            if (chosen.Value.Length < ShortResult)
            {
                var blocks = Build(page, [body]);
                var baseline = ("baseline", blocks, TextLength(blocks), (string?)"body");
                candidates.Add(baseline);
                if (baseline.Item3 > chosen.Value.Length) chosen = baseline;
            }
        }

        // Recall retry: a short result that covers little of the page is rebuilt with the recall filters
        // (trafilatura's escalation: under 3,000 characters and under a fifth of the page; kept when 1.5× longer).
        if (options.Focus != ExtractionFocus.Recall && chosen.Value.Length < RetryBelow && chosen.Value.Length < page.Stats[body].Text * RetryPageShare
            && RootsOf(chosen.Value.Name, selector, scoring) is { } retryRoots)
        {
            var blocks = Build(page, retryRoots, ExtractionFocus.Recall);
            int length = TextLength(blocks);
            candidates.Add((chosen.Value.Name + "+recall", blocks, length, chosen.Value.Root));
            if (length >= chosen.Value.Length * RetryGain) chosen = (chosen.Value.Name + "+recall", blocks, length, chosen.Value.Root);
        }

        // The page's own statement of its body rescues a short DOM result (rendered by JavaScript) or
        // shows that the wrong node was chosen when it is much longer (rs-trafilatura's 2× rule).
        if (structured is not null && (chosen.Value.Length < ShortResult || StructuredText.Length(structured) > chosen.Value.Length * ReplaceRatio))
        {
            var blocks = StructuredText.ToBlocks(structured);
            var rescue = ("structured-data", blocks, TextLength(blocks), (string?)"json-ld");
            candidates.Add(rescue);
            chosen = rescue;
        }

        var blocksOut = chosen.Value.Blocks;
        // The visible standfirst between the headline and the body is the article's standfirst: kept apart from
        // the body (the record prints it after the title), never dropped.
        var rootEl = chosen.Value.Name.StartsWith("selector", StringComparison.Ordinal) ? selector?.Root : chosen.Value.Name == "scoring" ? scoring?.Roots[0] : null;
        if (rootEl is not null && LeadFinder.Find(page, rootEl) is { } lead)
        {
            var leadText = PlainText.Render(new BlockBuilder(page, lead).Build());
            // Already in the body? It would be among the first blocks (five covers a kicker, a date line and a title).
            if (leadText.Length > 0 && !PlainText.Render([.. blocksOut.Take(5)]).Contains(leadText, StringComparison.Ordinal))
                article = article with
                {
                    Standfirst = leadText,
                    Sources = article.Sources.SetItem("standfirst", ArticleMetadata.VisibleSourcePrefix + RemovalLog.Describe(lead)),
                };
        }
        var final = BlockPostProcessor.Process(blocksOut, article.Title, article.AuthorBio);
        var diagnostics = new ExtractionDiagnostics
        {
            Strategy = chosen.Value.Name,
            Candidates = candidates.Select(c => new CandidateReport(c.Name, c.Length, c.Root, null)).ToImmutableArray(),
            Removals = log.ToReports(),
            CommentRegions = regions.Count,
        };
        return new ContentResult(article, final, diagnostics);
    }

    static (string Name, ImmutableArray<Block> Blocks, int Length, string? Root)? Choose(
        List<(string Name, ImmutableArray<Block> Blocks, int Length, string? Root)> candidates, SelectorMatch? selector, IElement? scoringRoot)
    {
        if (candidates.Count == 0) return null;
        var sel = candidates.FirstOrDefault(c => c.Name.StartsWith("selector", StringComparison.Ordinal));
        var sco = candidates.FirstOrDefault(c => c.Name == "scoring");
        if (sel.Name is null) return sco;
        if (sco.Name is null) return sel;
        if (sco.Length > sel.Length * ReplaceRatio) return sco;
        // A generic container ("content", main) that holds the scoring root is a page wrapper: the
        // scoring root is the more precise of the two, as long as it is not a fragment of it.
        if (selector!.IsGeneric && scoringRoot is not null && selector.Root != scoringRoot && selector.Root.Contains(scoringRoot)
            && sco.Length >= sel.Length * GenericMinShare)
            return sco;
        return sel;
    }

    static ImmutableArray<Block> Build(PageContext page, IReadOnlyList<IElement> roots, ExtractionFocus? focus = null)
    {
        var all = new List<Block>();
        foreach (var root in roots)
            all.AddRange(new BlockBuilder(page, root, focus).Build());
        return [.. all];
    }

    static IReadOnlyList<IElement>? RootsOf(string strategy, SelectorMatch? selector, (IElement Root, List<IElement> Roots)? scoring)
        => strategy.StartsWith("selector", StringComparison.Ordinal) ? selector?.Roots
            : strategy == "scoring" ? scoring?.Roots
            : null;

    static int TextLength(ImmutableArray<Block> blocks) => PlainText.Length(blocks);
}
