using AngleSharp.Dom;

namespace Winnow.Metadata;

/// <summary>
/// The page's &lt;meta&gt; values by key, read once: OpenGraph (<c>og:*</c>), <c>article:*</c>,
/// <c>twitter:*</c>, <c>name=…</c> families (author, description, date, Dublin Core <c>dc.*</c> /
/// <c>dcterms.*</c>, <c>parsely-*</c>, <c>sailthru.*</c>, <c>citation_*</c>), microdata
/// (<c>itemprop</c>, keyed <c>itemprop:name</c>) and <c>http-equiv</c> (keyed <c>http-equiv:name</c>).
/// Keys are lower case; "dc:creator" and "DC.Creator" both become "dc.creator".
/// </summary>
internal sealed class MetaTags
{
    readonly Dictionary<string, List<string>> _values;

    MetaTags(int capacity) => _values = new(capacity, StringComparer.Ordinal);

    /// <summary>Reads every meta element of <paramref name="metas"/> (document order).</summary>
    public static MetaTags Read(IReadOnlyCollection<IElement> metas)
    {
        // sized for a key or two a tag: the dictionary's regrowth was a tenth of the metadata's time (profile, 2026-12-04)
        var tags = new MetaTags(metas.Count * 3 / 2 + 4);
        foreach (var m in metas) tags.Add(m);
        return tags;
    }

    void Add(IElement meta)
    {
        var content = meta.GetAttribute("content") ?? meta.GetAttribute("value");
        content = MetaText.Clean(content);
        if (content is null)
        {
            // <meta itemprop="datePublished" datetime="…"> is seen in the wild too.
            content = MetaText.Clean(meta.GetAttribute("datetime"));
            if (content is null) return;
        }
        var property = meta.GetAttribute("property");
        var name = meta.GetAttribute("name");
        // property (RDFa) may list several space-separated names: property="dc:title og:title"
        if (property is not null)
            foreach (var p in property.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) Put(NormaliseKey(p), content);
        if (name is not null && !string.Equals(name, property, StringComparison.OrdinalIgnoreCase)) Put(NormaliseKey(name), content);
        var itemprop = meta.GetAttribute("itemprop");
        if (itemprop is not null)
        {
            // itemprop may hold several space-separated names.
            foreach (var p in itemprop.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                Put("itemprop:" + p.ToLowerInvariant(), content);
        }
        var equiv = meta.GetAttribute("http-equiv");
        if (equiv is not null) Put("http-equiv:" + equiv.Trim().ToLowerInvariant(), content);
    }

    static string NormaliseKey(string key)
    {
        key = key.Trim();
        // most keys are already lower case: skip the copy then (the lowering showed up in profiles)
        foreach (var ch in key)
            if (char.IsUpper(ch)) { key = key.ToLowerInvariant(); break; }
        if (key.StartsWith("dc:", StringComparison.Ordinal) || key.StartsWith("dcterms:", StringComparison.Ordinal))
            key = key.Replace(':', '.');
        return key;
    }

    void Put(string key, string value)
    {
        if (key.Length == 0) return;
        if (!_values.TryGetValue(key, out var list)) _values[key] = list = new List<string>(1);
        list.Add(value);
    }

    /// <summary>The first value under <paramref name="key"/>, or null.</summary>
    public string? Get(string key) => _values.TryGetValue(key, out var l) ? l[0] : null;

    /// <summary>Every value under <paramref name="key"/> in document order.</summary>
    public IReadOnlyList<string> All(string key) => _values.TryGetValue(key, out var l) ? l : Array.Empty<string>();

    /// <summary>The first key of <paramref name="keys"/> (in the given priority) that has a value.</summary>
    public (string Value, string Key)? First(params string[] keys)
    {
        foreach (var k in keys)
            if (_values.TryGetValue(k, out var l)) return (l[0], k);
        return null;
    }

    public bool Has(string key) => _values.ContainsKey(key);
}
