using Winnow.Cleaning;

namespace Winnow.Tests.Content;

public class ConceptVocabularyTests
{
    [Theory]
    [InlineData("share-buttons", "Share")]
    [InlineData("sharedaddy sd-sharing-enabled", "Share")]
    [InlineData("c-more-stories-list", "Related")]
    [InlineData("relatedPosts", "Related")]
    [InlineData("entry-content", "ArticleBody")]
    [InlineData("article__body", "ArticleBody")]
    [InlineData("comment-list", "Comments")]
    [InlineData("ad-slot", "Advertising")]
    [InlineData("newsletter-signup", "Newsletter")]
    [InlineData("entry-subtitle", "Lead")]
    public void NamesTheConcept(string classes, string concept)
        => Assert.True((ConceptVocabulary.Classify(classes) & Enum.Parse<Concept>(concept)) != 0, $"{classes} → {ConceptVocabulary.Classify(classes)}");

    [Theory]
    [InlineData("zn-body__read-all", "Related")]            // the second half of a CNN story
    [InlineData("elementor-widget-text-editor", "Sidebar")]  // page builders call every block a widget
    [InlineData("adventure-story", "Advertising")]           // "ad" only as a whole part
    [InlineData("header-image", "Advertising")]
    [InlineData("commentary", "Comments")]                   // opinion pieces are not comment threads
    [InlineData("blockquote twitter-tweet", "Share")]        // embedded posts are content
    public void DoesNotNameTheConcept(string classes, string concept)
        => Assert.True((ConceptVocabulary.Classify(classes) & Enum.Parse<Concept>(concept)) == 0, $"{classes} → {ConceptVocabulary.Classify(classes)}");
}
