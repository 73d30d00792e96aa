using System.Collections.Immutable;
using AngleSharp.Dom;
using Winnow.Blocks;
using Winnow.Cleaning;
using Winnow.Comments;
using Winnow.Content.Strategies;
using Winnow.Forum;
using Winnow.Output;

namespace Winnow.Content;

/// <summary>What the content stage produces.</summary>
internal sealed record ContentResult(ArticleMetadata Article, ImmutableArray<Block> Body, ExtractionDiagnostics Diagnostics)
{
    /// <summary>The readers' comment thread (empty when not asked for).</summary>
    public CommentThread Thread { get; init; } = CommentThread.Empty;
}

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

    /// <summary>One strategy's result: its blocks, their text length, and the roots they were built from (none for
    /// results not built from the tree, such as JSON-LD text).</summary>
    sealed record Candidate(string Name, ImmutableArray<Block> Blocks, IReadOnlyList<IElement> Roots, string? Root)
    {
        public int Length { get; } = PlainText.Length(Blocks);
    }

    /// <param name="jsonLdScripts">The page's JSON-LD script texts when already collected (by the metadata's scan); null: searched here.</param>
    /// <param name="cleaning">The tree cleaner's removals when already found (by the metadata's scan); null: found here.</param>
    public ContentResult Run(IDocument document, Uri? pageUrl, ArticleMetadata article, CancellationToken token,
        IReadOnlyList<string>? jsonLdScripts = null, CleaningPlan? cleaning = null)
    {
        var log = new RemovalLog();
        // before cleaning removes the scripts: the stated body, and the stated thread when the markup shows none
        var scripts = jsonLdScripts ?? StructuredBodyStrategy.JsonLdScripts(document);
        var structured = StructuredBodyStrategy.Find(scripts);
        TreeCleaner.Clean(document, log, cleaning);
        var body = document.Body ?? document.DocumentElement;
        if (body is null)
            return new ContentResult(article, ImmutableArray<Block>.Empty, new ExtractionDiagnostics { Strategy = "empty" });

        var concepts = new ElementConcepts();
        // A forum thread or Q&A page: the posts are the content (the opening post the body, the replies the thread).
        if (ForumPostFinder.Find(body, article) is { } forum && RunForum(forum, body, pageUrl, article, log, concepts, token) is { } forumResult)
            return options.ForumReplies == ForumReplies.Thread ? forumResult with { Thread = OrStated(forumResult.Thread, scripts) } : forumResult;
        var regions = CommentRegionLocator.Locate(body, concepts);
        var thread = options.IncludeComments ? CommentThreadBuilder.Build(body, regions, concepts, pageUrl) : null;
        foreach (var r in regions) { log.Add("comments", r); r.Remove(); }
        foreach (var r in thread?.StrayRoots ?? []) { log.Add("comments", r); r.Remove(); }
        token.ThrowIfCancellationRequested();

        var page = new PageContext(body, options, pageUrl, article, log, concepts, token);
        var candidates = new List<Candidate>();

        Candidate? selected = null, scored = null;
        var selector = SelectorStrategy.Find(page);
        if (selector is not null)
        {
            selected = new Candidate("selector:" + selector.Tier, Build(page, selector.Roots), selector.Roots, Describe(selector.Root, selector.Roots));
            candidates.Add(selected);
        }
        token.ThrowIfCancellationRequested();
        var scoring = ScoringStrategy.Find(page);
        if (scoring is { } sco)
        {
            var blocks = selected is not null && selected.Roots.SequenceEqual(sco.Roots) ? selected.Blocks : Build(page, sco.Roots);
            scored = new Candidate("scoring", blocks, sco.Roots, Describe(sco.Root, sco.Roots));
            candidates.Add(scored);
        }
        token.ThrowIfCancellationRequested();

        var chosen = Choose(selected, scored, selector, scoring?.Root);
        if (chosen is null || chosen.Length < ShortResult)
        {
            // Both named containers and the scoring walk failed: the density classifier needs no container;
            // the whole body, filtered, is the last resort.
            var densityRoots = DensityStrategy.Find(page);
            var density = new Candidate("density", Build(page, densityRoots), densityRoots, $"{densityRoots.Count} blocks");
            candidates.Add(density);
            if (chosen is null || density.Length > chosen.Length) chosen = density;
            if (chosen.Length < ShortResult)
            {
                var baseline = new Candidate("baseline", Build(page, [body]), [body], "body");
                candidates.Add(baseline);
                if (baseline.Length > chosen.Length) chosen = baseline;
            }
        }

        // Recall retry: a short result that covers little of the page is rebuilt with the recall filters
        // (trafilatura's escalation: under 3,000 characters and under a fifth of the page; kept when 1.5× longer).
        if (options.Focus != ExtractionFocus.Recall && (chosen == selected || chosen == scored)
            && chosen.Length < RetryBelow && chosen.Length < page.Stats[body].Text * RetryPageShare)
        {
            var retry = new Candidate(chosen.Name + "+recall", Build(page, chosen.Roots, ExtractionFocus.Recall), chosen.Roots, chosen.Root);
            candidates.Add(retry);
            if (retry.Length >= chosen.Length * RetryGain) chosen = retry;
        }

        // The page's own statement of its body rescues a short DOM result (rendered by JavaScript) or
        // shows that the wrong node was chosen when it is much longer (rs-trafilatura's 2× rule).
        if (structured is not null && (chosen.Length < ShortResult || StructuredText.Length(structured) > chosen.Length * ReplaceRatio))
        {
            chosen = new Candidate("structured-data", StructuredText.ToBlocks(structured), [], "json-ld");
            candidates.Add(chosen);
        }

        // The visible standfirst between the headline and the body is the article's standfirst: kept apart from
        // the body (the record prints it after the title), never dropped. Only bodies chosen as a container have a "before".
        if ((chosen.Name.StartsWith("selector", StringComparison.Ordinal) || chosen.Name.StartsWith("scoring", StringComparison.Ordinal))
            && chosen.Roots.Count > 0 && LeadFinder.Find(page, chosen.Roots[0]) is { } lead)
        {
            var leadText = PlainText.Render(new BlockBuilder(page, lead).Build());
            // Already in the body? It would be among the first blocks (five covers a kicker, a date line and a title).
            if (leadText.Length > 0 && !PlainText.Render([.. chosen.Blocks.Take(5)]).Contains(leadText, StringComparison.Ordinal))
                article = article with
                {
                    Standfirst = leadText,
                    Sources = article.Sources.SetItem("standfirst", ArticleMetadata.VisibleSourcePrefix + RemovalLog.Describe(lead)),
                };
        }
        var final = BlockPostProcessor.Process(chosen.Blocks, article.Title, article.AuthorBio);
        var diagnostics = new ExtractionDiagnostics
        {
            Strategy = chosen.Name,
            Candidates = candidates.Select(c => new CandidateReport(c.Name, c.Length, c.Root, null)).ToImmutableArray(),
            Removals = log.ToReports(),
            CommentRegions = regions.Count,
        };
        return new ContentResult(article, final, diagnostics) { Thread = OrStated(thread?.Thread ?? CommentThread.Empty, scripts) };
    }

    /// <summary>
    /// The body and thread of a forum thread or Q&amp;A page. With <see cref="ForumReplies.Thread"/> the replies become the thread
    /// and are detached first, so none of their text can reach the body; with <see cref="ForumReplies.Body"/> every post's text
    /// is the body, in page order. Null when the opening post has no text of its own to show (an image-only post, a post
    /// rendered by script): the cascade then runs as on any page, with the replies already detached.
    /// </summary>
    ContentResult? RunForum(ForumPosts forum, IElement body, Uri? pageUrl, ArticleMetadata article, RemovalLog log, ElementConcepts concepts, CancellationToken token)
    {
        if (!article.Sources.ContainsKey("page_type") || article.PageType != PageType.Forum)
            article = article with { PageType = PageType.Forum, Sources = article.Sources.SetItem("page_type", forum.Source) };
        // The thread's author is whoever wrote the opening post: it replaces a visible byline (which on a thread page may
        // be a reply's author line: Stack Exchange marks every answerer itemprop="author") or stands alone; stated
        // authors (JSON-LD, meta tags) are kept.
        if ((article.Authors.IsEmpty || article.Sources.GetValueOrDefault("authors", "").StartsWith("byline", StringComparison.Ordinal))
            && ForumThreadBuilder.OpeningAuthor(forum) is { } opener)
            article = article with { Authors = [opener], Sources = article.Sources.SetItem("authors", "forum:opening-post") };
        var replies = options.ForumReplies == ForumReplies.Thread ? forum.Posts.Skip(1).ToList() : [];
        // the thread: the replies, and comments under the posts where the system has them (Stack Exchange)
        var thread = options.IncludeComments && options.ForumReplies == ForumReplies.Thread && (replies.Count > 0 || forum.Markup?.SubComments is not null)
            ? ForumThreadBuilder.Build(forum, pageUrl) : CommentThread.Empty;
        // Outermost replies only: one nested in a detached reply goes with it.
        foreach (var reply in replies)
            if (reply.Root.Parent is not null && body.Contains(reply.Root)) { log.Add("forum-replies", reply.Root); reply.Root.Remove(); }
        token.ThrowIfCancellationRequested();

        var page = new PageContext(body, options, pageUrl, article, log, concepts, token);
        var posts = options.ForumReplies == ForumReplies.Thread ? forum.Posts.Take(1) : forum.Posts.Where(p => body.Contains(p.Content));
        var blocks = new List<Block>();
        var roots = new List<IElement>();
        foreach (var post in posts)
        {
            blocks.AddRange(new BlockBuilder(page, post.Content).Build());
            roots.Add(post.Content);
        }
        if (PlainText.Length([.. blocks]) == 0) return null;
        var name = "forum:" + (forum.Markup?.Name ?? "repeated");
        var final = BlockPostProcessor.Process([.. blocks], article.Title, article.AuthorBio);
        var diagnostics = new ExtractionDiagnostics
        {
            Strategy = name,
            Candidates = [new CandidateReport(name, PlainText.Length(final), Describe(roots[0], roots), null)],
            Removals = log.ToReports(),
        };
        return new ContentResult(article, final, diagnostics) { Thread = thread };
    }

    /// <summary>The thread the markup shows, or, when it shows none, the one the page states in its JSON-LD (rendered by script).</summary>
    CommentThread OrStated(CommentThread fromMarkup, IReadOnlyList<string> scripts)
    {
        if (!options.IncludeComments || fromMarkup.Count > 0) return fromMarkup;
        var stated = JsonLdComments.Read(scripts);
        return stated.Count > 0 ? stated : fromMarkup;
    }

    static Candidate? Choose(Candidate? sel, Candidate? sco, SelectorMatch? selector, IElement? scoringRoot)
    {
        if (sel is null) return sco;
        if (sco is null) return sel;
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

    static string Describe(IElement root, IReadOnlyList<IElement> roots)
        => RemovalLog.Describe(root) + (roots.Count > 1 ? $" +{roots.Count - 1} siblings" : "");
}
