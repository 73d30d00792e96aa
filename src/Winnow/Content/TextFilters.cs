using System.Collections.Frozen;

namespace Winnow.Content;

/// <summary>Lines that are never article text wherever they stand: share words, ad labels, "read more" prompts.</summary>
internal static class TextFilters
{
    /// <summary>Whole-line matches, casefolded, trailing punctuation and arrows ignored.</summary>
    static readonly FrozenSet<string> Lines = new[]
    {
        "share", "share this", "share this article", "share this story", "share on facebook", "share on twitter", "tweet", "facebook", "twitter", "email", "e-mail",
        "print", "pinterest", "linkedin", "whatsapp", "reddit", "copy link", "link copied", "comments", "comment", "leave a comment", "leave a reply",
        "advertisement", "advertisements", "ad", "sponsored", "sponsored content", "anzeige", "werbung", "publicité", "publicidad", "pubblicità", "reklama",
        "read more", "continue reading", "read the full story", "click here", "loading", "loading...", "loading…", "skip to content", "skip advertisement",
        "mehr zum thema", "mehr lesen", "weiterlesen", "teilen", "drucken", "rezept drucken", "artikel drucken", "zurück", "nach oben", "lire aussi", "lire la suite", "partager", "related", "related articles", "related posts",
        "you may also like", "recommended", "more from", "follow us", "subscribe", "sign up", "newsletter", "back to top", "top", "image", "photo", "video",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsNoiseLine(string text)
    {
        if (text.Length > 40) return false; // the longest entry above is 30 characters
        var t = text.Trim().Trim(':', '.', '»', '›', '→', '>', ' ', '!', '-', '–', '—', '*', '(', ')', '[', ']', '|').Trim().ToLowerInvariant();
        return t.Length == 0 || Lines.Contains(t);
    }
}
