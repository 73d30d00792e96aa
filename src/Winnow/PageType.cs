namespace Winnow;

/// <summary>What kind of page the extraction came from.</summary>
public enum PageType
{
    /// <summary>Not determined (no statement and too little structure to tell).</summary>
    Other = 0,
    /// <summary>One article, story, post or document.</summary>
    Article,
    /// <summary>A list of teasers leading to other pages (a home page, a section, search results).</summary>
    Listing,
    /// <summary>A forum thread or Q&amp;A page: the posts are the content.</summary>
    Forum,
    /// <summary>A product page of a shop.</summary>
    Product,
}
