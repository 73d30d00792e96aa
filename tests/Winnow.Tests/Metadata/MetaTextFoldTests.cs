using System.Globalization;
using System.Text;
using Winnow.Metadata;

namespace Winnow.Tests.Metadata;

/// <summary>The folding table's quick path gives what Unicode normalisation gives, for every character it covers.</summary>
public sealed class MetaTextFoldTests
{
    static string Slow(string s)
    {
        var d = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(d.Length);
        foreach (var c in d)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    [Fact]
    public void PunctuationAndLatinFoldAsNormalisationDoes()
    {
        for (var c = 0x2010; c <= 0x206F; c++)
        {
            var s = "Ré" + (char)c + "sumé";
            Assert.True(Slow(s) == MetaText.Fold(s), $"U+{c:X4}: '{MetaText.Fold(s)}' vs '{Slow(s)}'");
        }
        Assert.Equal("l’ete – a “b” …", MetaText.Fold("L’Été – À “B” …"));
    }
}
