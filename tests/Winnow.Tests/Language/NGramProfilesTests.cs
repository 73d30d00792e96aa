using Winnow.Language;

namespace Winnow.Tests.Language;

public class NGramProfilesTests
{
    [Fact]
    public void The_shipped_profiles_load_with_their_scripts()
    {
        var profiles = NGramProfiles.Shared;
        Assert.True(profiles.Languages.Count >= 40, $"{profiles.Languages.Count} profiles");
        Assert.Equal(400, profiles.Depth);
        string[] latin = ["en", "de", "fr", "pl", "vi", "tr"];
        string[] cyrillic = ["ru", "uk", "bg", "sr"];
        foreach (var l in latin) Assert.Equal(WritingScript.Latin, profiles.Scripts[IndexOf(profiles, l)]);
        foreach (var l in cyrillic) Assert.Equal(WritingScript.Cyrillic, profiles.Scripts[IndexOf(profiles, l)]);
        Assert.Equal(WritingScript.Arabic, profiles.Scripts[IndexOf(profiles, "fa")]);
        Assert.Equal(WritingScript.Devanagari, profiles.Scripts[IndexOf(profiles, "hi")]);
    }

    [Fact]
    public void An_ngram_is_found_with_its_rank_in_each_profile()
    {
        var profiles = NGramProfiles.Shared;
        // "_" (a word boundary) is the most frequent n-gram of the English profile
        Assert.True(profiles.TryGet(NGramKey.Of("_"), out var ps, out var ranks));
        int en = IndexOf(profiles, "en");
        Assert.Equal(0, ranks[ps.IndexOf((byte)en)]);
        Assert.False(profiles.TryGet(NGramKey.Of("qqqqq"), out _, out _));
    }

    [Fact]
    public void The_packed_format_is_parsed_and_checked()
    {
        var parsed = NGramProfiles.Parse(new StringReader("# comment\n@xx\n_\na\n_a\n@yy\nb\n"));
        Assert.Equal(["xx", "yy"], parsed.Select(p => p.Tag));
        Assert.Equal(["_", "a", "_a"], parsed[0].Grams);
        Assert.Throws<InvalidDataException>(() => NGramProfiles.Parse(new StringReader("a\n@xx\n")));
        Assert.Throws<InvalidDataException>(() => NGramProfiles.Parse(new StringReader("# nothing\n")));
    }

    static int IndexOf(NGramProfiles profiles, string tag)
    {
        for (int i = 0; i < profiles.Languages.Count; i++) if (profiles.Languages[i] == tag) return i;
        throw new KeyNotFoundException(tag);
    }
}
