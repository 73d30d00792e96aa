using System.Net;
using System.Text;

namespace Winnow.Tests.Dedup;

/// <summary>
/// Re-publishes an article's text inside a made-up site template: another site's navigation, sidebar, byline,
/// author box, related links, reader comments and footer around the same paragraphs, the way a syndicating
/// site wraps a story it copies. Three templates, picked by <c>variant</c>.
/// </summary>
internal static class Retemplater
{
    static readonly string[] Headlines =
    [
        "City council approves new budget for parks", "Local bakery wins regional award", "Storm expected to reach the coast by Friday",
        "School board debates later start times", "Museum reopens after two-year renovation", "Transit fares to rise next spring",
    ];

    public static string Wrap(string title, string bodyText, int variant)
    {
        var paragraphs = bodyText.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => "<p>" + WebUtility.HtmlEncode(p).Replace("\n", "<br>") + "</p>");
        var body = string.Join("\n", paragraphs);
        var t = WebUtility.HtmlEncode(title);
        return (variant % 3) switch
        {
            0 => Ledger(t, body),
            1 => Blog(t, body),
            _ => Magazine(t, body),
        };
    }

    static string Links(string cssClass) =>
        $"<ul class=\"{cssClass}\">" + string.Concat(Headlines.Select((h, i) => $"<li><a href=\"/news/{i}\">{h}</a></li>")) + "</ul>";

    static string Ledger(string title, string body) => $$"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{title}} | The Daily Ledger</title></head>
        <body><header class="masthead"><a class="logo" href="/">The Daily Ledger</a>
        <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
        <div class="layout"><main><article class="story">
        <h1 class="headline">{{title}}</h1>
        <div class="byline">By Staff Reporter | Posted 3 March 2021, 09:15</div>
        <div class="story-body">
        {{body}}
        </div>
        <div class="share">Share: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
        </article>
        <section class="comments"><h3>2 comments</h3>
        <div class="comment"><span class="author">reader42</span><p>Thanks for reporting on this, I had not seen it covered elsewhere.</p></div>
        <div class="comment"><span class="author">M. Jones</span><p>I disagree with the premise, but it is an interesting read nonetheless.</p></div>
        </section></main>
        <aside class="sidebar"><h3>Most read</h3>{{Links("most-read")}}
        <div class="newsletter"><h3>Get the Ledger in your inbox</h3><form><input type="email" placeholder="Your email"><button>Sign up</button></form></div></aside></div>
        <footer><p>&copy; 2021 The Daily Ledger. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
        </body></html>
        """;

    static string Blog(string title, string body) => $$"""
        <html><head><title>{{title}} - Jane's Notebook</title><meta name="author" content="Jane Doe"></head>
        <body><div id="wrapper"><div id="top"><h1 class="site-title"><a href="/">Jane's Notebook</a></h1><p class="tagline">Notes on everything</p>
        <div class="menu"><a href="/">Home</a> | <a href="/archive">Archive</a> | <a href="/about">About</a> | <a href="/contact">Contact</a></div></div>
        <div id="content"><div class="post">
        <h2 class="post-title">{{title}}</h2>
        <p class="post-meta">Written by Jane Doe on 12 June 2020 in <a href="/category/misc">Miscellaneous</a></p>
        <div class="entry">
        {{body}}
        </div>
        <div class="author-box"><img src="/jane.jpg" alt=""><p><strong>About the author:</strong> Jane Doe collects stories from around the web and writes about whatever catches her eye.</p></div>
        <p class="tags">Tags: <a href="/tag/news">news</a>, <a href="/tag/reading">reading</a></p>
        </div></div>
        <div id="sidebar"><h4>Recent posts</h4>{{Links("recent")}}<h4>Archives</h4><ul><li>June 2020</li><li>May 2020</li></ul></div>
        <div id="footer">Powered by a blog engine. Theme by Someone.</div></div></body></html>
        """;

    static string Magazine(string title, string body) => $$"""
        <!doctype html><html><head><meta charset="utf-8"><title>{{title}}</title><link rel="stylesheet" href="/mag.css"></head>
        <body class="single"><div class="topbar">Subscribe today and save 40%</div>
        <header><div class="brand">Weekly Review</div><nav class="sections"><a href="/culture">Culture</a><a href="/tech">Tech</a><a href="/science">Science</a><a href="/books">Books</a></nav></header>
        <main id="main"><article>
        <header class="entry-header"><h1>{{title}}</h1><p class="meta"><span class="author">Words by Alex Smith</span> <time datetime="2019-11-20">November 20, 2019</time></p></header>
        <div class="entry-content">
        {{body}}
        </div>
        <footer class="entry-footer"><p>This article was republished from a partner publication.</p></footer>
        </article>
        <section class="related"><h2>Related articles</h2>{{Links("related")}}</section></main>
        <footer class="site-footer"><p>Weekly Review, 1 Example Street. Registered in nowhere.</p><p><a href="/advertise">Advertise</a> · <a href="/jobs">Jobs</a></p></footer>
        </body></html>
        """;

    /// <summary>A plain HTML page for a text record laid out as title, standfirst, paragraphs, "Author: name", bio.</summary>
    public static string RecordPage(string record, string url, string date)
    {
        var parts = record.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var authorAt = parts.FindIndex(p => p.StartsWith("Author:", StringComparison.Ordinal));
        var title = parts[0];
        var standfirst = parts[1];
        var paragraphs = parts.Skip(2).Take(authorAt - 2);
        var author = parts[authorAt]["Author:".Length..].Trim();
        var bio = string.Join(" ", parts.Skip(authorAt + 1));
        var html = new StringBuilder();
        html.Append($"<html><head><title>{WebUtility.HtmlEncode(title)}</title><link rel=\"canonical\" href=\"{url}\">")
            .Append($"<meta property=\"article:published_time\" content=\"{date}\"></head><body>")
            .Append("<div class=\"nav\"><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/viewpoints\">Viewpoints</a></div>")
            .Append($"<h1>{WebUtility.HtmlEncode(title)}</h1><h3>{WebUtility.HtmlEncode(standfirst)}</h3>")
            .Append($"<p class=\"byline\">by {WebUtility.HtmlEncode(author)} | {date[..10]}</p><div class=\"text\">");
        foreach (var p in paragraphs) html.Append($"<p>{WebUtility.HtmlEncode(p)}</p>");
        html.Append($"</div><div class=\"bio\"><b>{WebUtility.HtmlEncode(author)}</b><p>{WebUtility.HtmlEncode(bio)}</p></div>")
            .Append("<div class=\"footer\">Copyright 2022. Reprints welcome with credit.</div></body></html>");
        return html.ToString();
    }
}
