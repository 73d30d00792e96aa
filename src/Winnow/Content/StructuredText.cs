using System.Collections.Immutable;
using Winnow.Blocks;
using Winnow.Dom;

namespace Winnow.Content;

/// <summary>Turns a plain text stated by the page (JSON-LD articleBody) into paragraphs.</summary>
internal static class StructuredText
{
    public static int Length(string text) => TextMeasure.CollapsedLength(text);

    public static ImmutableArray<Block> ToBlocks(string text)
    {
        // Some sites put HTML in articleBody; its tags are not text.
        if (text.Contains('<') && text.Contains('>'))
            text = System.Text.RegularExpressions.Regex.Replace(text, "<[^>]{0,200}>", "\n");
        var b = ImmutableArray.CreateBuilder<Block>();
        foreach (var para in text.Split('\n'))
        {
            var t = TextMeasure.Collapse(System.Net.WebUtility.HtmlDecode(para));
            if (t.Length > 0) b.Add(new ParagraphBlock([new TextInline(t)]));
        }
        return b.ToImmutable();
    }
}
