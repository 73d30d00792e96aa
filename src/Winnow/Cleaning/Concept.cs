namespace Winnow.Cleaning;

/// <summary>What a class or id token says an element is. Flags: one element may say several things.</summary>
[Flags]
internal enum Concept
{
    None = 0,
    Navigation = 1 << 0,
    Share = 1 << 1,
    Advertising = 1 << 2,
    Related = 1 << 3,
    Newsletter = 1 << 4,
    Consent = 1 << 5,
    Comments = 1 << 6,
    Byline = 1 << 7,
    Tags = 1 << 8,
    Sidebar = 1 << 9,
    Footer = 1 << 10,
    Hidden = 1 << 11,
    Popup = 1 << 12,
    Header = 1 << 13,
    Caption = 1 << 14,
    AuthorBox = 1 << 15,
    /// <summary>Says "this is the standfirst": lead, intro, teaser, summary, excerpt, dek, subtitle.</summary>
    Lead = 1 << 18,
    /// <summary>Says "this is the content" (article, entry, post, story, body, text, content, main).</summary>
    Content = 1 << 16,
    /// <summary>Says "this is the article body" precisely (articleBody, entry-content, post-body…).</summary>
    ArticleBody = 1 << 17,

    /// <summary>Concepts that are never article text wherever they appear.</summary>
    Boilerplate = Navigation | Share | Advertising | Related | Newsletter | Consent | Sidebar | Footer | Hidden | Popup,
}
