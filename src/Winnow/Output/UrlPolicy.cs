using System.Net;

namespace Winnow.Output;

/// <summary>
/// Which link and image URLs the Markdown and HTML renderers may write. Output is read by people
/// and by other programs that may display it, and the URLs come from arbitrary pages, so only
/// schemes that cannot run code are kept: links may be http, https, mailto or relative; images
/// http, https or relative. Everything else (<c>javascript:</c>, <c>vbscript:</c>, <c>data:</c>,
/// <c>file:</c>, unknown schemes) is dropped and the renderer keeps the link's text only.
/// </summary>
internal static class UrlPolicy
{
    static readonly string[] LinkSchemes = ["http", "https", "mailto"];
    static readonly string[] ImageSchemes = ["http", "https"];

    /// <summary>The URL to write for a link, or null when it must be dropped.</summary>
    public static string? SafeLinkHref(string? href) => Check(href, LinkSchemes);

    /// <summary>The URL to write for an image, or null when it must be dropped.</summary>
    public static string? SafeImageSrc(string? src) => Check(src, ImageSchemes);

    static string? Check(string? url, string[] allowed)
    {
        if (url is null) return null;
        var clean = Clean(url);
        if (clean.Length == 0 || !SchemeAllowed(clean, allowed)) return null;
        // The page's markup was decoded once already; a URL that still holds character
        // references ("&#106;avascript:") is inert as written, but would not be if something
        // downstream decoded it again, so it must pass the check decoded as well.
        if (clean.Contains('&'))
        {
            // WebUtility knows HTML 4's entities; HTML5 added the ones that can rebuild a
            // scheme (a colon, a tab or newline the URL parser drops), so those are added here.
            var decoded = Clean(WebUtility.HtmlDecode(clean
                .Replace("&colon;", ":").Replace("&Tab;", "\t").Replace("&NewLine;", "\n")));
            if (!SchemeAllowed(decoded, allowed)) return null;
        }
        return clean;
    }

    /// <summary>The scheme is what precedes the first ':' when no '/', '?' or '#' comes before it
    /// (the WHATWG URL parser's reading); no scheme is a relative URL. A colon in the first
    /// segment whose prefix is not an allowed scheme is refused outright rather than read as a
    /// relative path: that is how obfuscated schemes ("java script:", "\u00A0javascript:") would
    /// get through.</summary>
    static bool SchemeAllowed(string url, string[] allowed)
    {
        int end = url.IndexOfAny([':', '/', '?', '#']);
        if (end < 0 || url[end] != ':') return true;
        var scheme = url.AsSpan(0, end);
        foreach (var s in allowed)
            if (scheme.Equals(s, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>What a browser's URL parser does first: strip leading and trailing C0 controls
    /// and spaces, remove every tab and newline.</summary>
    static string Clean(string url)
    {
        var s = url.Trim(TrimChars);
        if (s.AsSpan().IndexOfAny('\t', '\n', '\r') < 0) return s;
        return s.Replace("\t", "").Replace("\n", "").Replace("\r", "");
    }

    static readonly char[] TrimChars = BuildTrimChars();

    static char[] BuildTrimChars()
    {
        var chars = new char[0x21];
        for (int i = 0; i <= 0x20; i++) chars[i] = (char)i; // C0 controls and space
        return chars;
    }
}
