using System.Text.Json;

namespace Winnow.Metadata;

/// <summary>One author as JSON-LD names it.</summary>
internal readonly record struct JsonLdAuthor(string Name, bool IsOrganization);

/// <summary>What the page's JSON-LD says about the article.</summary>
internal sealed class JsonLdData
{
    public string? Headline;
    public string? HeadlineKey;
    /// <summary>The article object's name (Wikipedia: the name is the title, the headline a description).</summary>
    public string? Name;
    public string? Description;
    public string? DatePublished;
    public string? DatePublishedKey;
    public string? DateModified;
    public List<JsonLdAuthor> Authors = new();
    public string? PublisherName;
    public string? WebSiteName;
    public string? Image;
    public string? Language;
    public List<string> Keywords = new();
    /// <summary>The @type of the object the article fields came from (e.g. NewsArticle, WebPage).</summary>
    public string? ArticleType;
    /// <summary>articleSection values (a string, an array, or a comma list).</summary>
    public List<string> Sections = new();
    /// <summary>The article's license (a URL or a name).</summary>
    public string? License;
    /// <summary>The first BreadcrumbList's items in order (name, URL), home and page included.</summary>
    public List<(string Name, string? Url)> Breadcrumbs = new();
    /// <summary>The @type of every top-level object (and mainEntity), for telling the page's kind.</summary>
    public HashSet<string> TopTypes = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// Reads schema.org JSON-LD in every shape seen in the wild: one object, an array of objects,
/// an @graph, objects nested under other objects (mainEntity, WebPage → Article), @type as a
/// string or an array, authors as a string, an object, an array of either, a reference by @id
/// into the graph, givenName/familyName instead of name, and strings that are really JSON
/// arrays. Invalid JSON is repaired once (raw control characters in strings, HTML comment
/// wrappers) and otherwise skipped, never thrown.
/// </summary>
internal static class JsonLdReader
{
    // Nesting bound for the walk over one JSON-LD document (iterative, so this bounds the work,
    // not the stack): real article JSON-LD nests < 8 levels; deeper objects are noise.
    const int MaxDepth = 24;
    // Objects looked at per page: a product catalogue's JSON-LD can hold thousands of offers.
    const int MaxObjects = 3000;

    static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle", "SatiricalArticle", "ScholarlyArticle",
        "MedicalScholarlyArticle", "TechArticle", "APIReference", "Report", "SocialMediaPosting", "LiveBlogPosting",
        "DiscussionForumPosting", "AdvertiserContentArticle", "Posting", "Review", "Recipe", "HowTo", "Legislation",
        "PodcastEpisode", "Thesis", "CreativeWork",
    };

    static readonly HashSet<string> PageTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "WebPage", "ItemPage", "AboutPage", "MedicalWebPage", "QAPage", "FAQPage", "RealEstateListing", "ProfilePage",
    };

    static readonly HashSet<string> OrganizationTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Organization", "NewsMediaOrganization", "Corporation", "EducationalOrganization", "GovernmentOrganization",
        "LocalBusiness", "NGO", "OnlineBusiness", "WebSite", "Brand", "PerformingGroup", "SportsOrganization",
        "MedicalOrganization", "Project", "ResearchOrganization", "Library", "Newspaper", "Periodical", "Blog",
    };

    readonly record struct Obj(JsonElement El, int Depth, int Order, string[] Types);

    /// <summary>Reads all JSON-LD scripts of the page; the article object of the first script that has one wins.</summary>
    public static JsonLdData Read(IReadOnlyList<string> scripts)
    {
        var data = new JsonLdData();
        var docs = new List<JsonDocument>();
        try
        {
            var objects = new List<Obj>();
            var byId = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var s in scripts)
            {
                var doc = TryParse(s);
                if (doc is null) continue;
                docs.Add(doc);
                Collect(doc.RootElement, objects, byId);
                if (objects.Count >= MaxObjects) break;
            }
            if (objects.Count == 0) return data;

            Obj? article = null, page = null;
            foreach (var o in objects)
            {
                if (article is null && AnyType(o.Types, ArticleTypes) && !IsSubordinate(o)) article = o;
                else if (page is null && AnyType(o.Types, PageTypes)) page = o;
                if (AnyType(o.Types, "WebSite") && data.WebSiteName is null) data.WebSiteName = Str(o.El, "name");
            }
            // nested articles (inside an ItemList / hasPart) count only when nothing shallower exists
            if (article is null)
                foreach (var o in objects)
                    if (AnyType(o.Types, ArticleTypes)) { article = o; break; }
            // hand-written JSON-LD without any @type: a top-level object that has a headline or an author
            if (article is null && page is null)
                foreach (var o in objects)
                    if (o.Depth == 1 && o.Types.Length == 0 && (o.El.TryGetProperty("headline", out _) || o.El.TryGetProperty("author", out _))) { article = o; break; }

            // a nested article (a related story in an ItemList) is not the page: the page's own date comes first
            if (article is { } nested && IsSubordinate(nested) && page is { } pg && Str(pg.El, "datePublished") is { } pageDate)
            {
                data.DatePublished = pageDate;
                data.DatePublishedKey = "json-ld:datePublished";
            }
            foreach (var src in new[] { article, page })
            {
                if (src is not { } o) continue;
                // the same object by its place in the document: Obj's own equality compares JsonElements by reflection
                // (ValueType.Equals), 0.2 % of an extraction's time (perf, 2026-12-04)
                var isArticle = article is { } art && art.Order == o.Order;
                data.ArticleType ??= o.Types.FirstOrDefault();
                var el = o.El;
                if (data.Headline is null)
                {
                    data.Headline = Str(el, "headline");
                    if (data.Headline is not null) data.HeadlineKey = "json-ld:headline";
                    else if (isArticle && (data.Headline = Str(el, "name")) is not null) data.HeadlineKey = "json-ld:name";
                }
                if (isArticle) data.Name ??= Str(el, "name");
                data.Description ??= Str(el, "description");
                if (data.DatePublished is null)
                {
                    data.DatePublished = Str(el, "datePublished");
                    data.DatePublishedKey = "json-ld:datePublished";
                    if (data.DatePublished is null && (data.DatePublished = Str(el, "dateCreated")) is not null)
                        data.DatePublishedKey = "json-ld:dateCreated";
                }
                data.DateModified ??= Str(el, "dateModified");
                if (data.Authors.Count == 0)
                {
                    if (el.TryGetProperty("author", out var a)) AddAuthors(a, data.Authors, byId, 0);
                    if (data.Authors.Count == 0 && el.TryGetProperty("creator", out var c)) AddAuthors(c, data.Authors, byId, 0);
                }
                if (data.PublisherName is null && el.TryGetProperty("publisher", out var pub))
                    data.PublisherName = NameOf(Resolve(First(pub), byId));
                data.Image ??= ImageUrl(el, byId);
                data.Language ??= Str(el, "inLanguage");
                if (data.Keywords.Count == 0 && el.TryGetProperty("keywords", out var kw)) AddKeywords(kw, data.Keywords, 0);
                if (data.Sections.Count == 0 && el.TryGetProperty("articleSection", out var sec)) AddKeywords(sec, data.Sections, 0);
                if (data.License is null && el.TryGetProperty("license", out var lic))
                {
                    var l = First(lic);
                    data.License = l.ValueKind == JsonValueKind.Object ? Str(l, "url") ?? Str(l, "name") ?? Str(l, "@id") : AsString(l);
                }
            }
            foreach (var o in objects)
            {
                if (o.Depth <= 2) foreach (var t in o.Types) data.TopTypes.Add(t);
                if (data.Breadcrumbs.Count == 0 && AnyType(o.Types, "BreadcrumbList")) ReadBreadcrumbs(o.El, data.Breadcrumbs, byId);
            }
            if (data.PublisherName is null)
            {
                // a top-level Organization / NewsMediaOrganization describes the publisher on many sites (Yoast graph)
                foreach (var o in objects)
                    if (o.Depth <= 1 && AnyType(o.Types, "Organization", "NewsMediaOrganization") && (data.PublisherName = Str(o.El, "name")) is not null)
                        break;
            }
            return data;
        }
        finally
        {
            foreach (var d in docs) d.Dispose();
        }
    }

    // Depth 1 = top level / @graph member, 2 = WebPage.mainEntity; deeper article objects sit in
    // an ItemList, hasPart or isPartOf and describe other pages (related articles, the series).
    static bool IsSubordinate(in Obj o) => o.Depth > 2;

    static JsonDocument? TryParse(string text)
    {
        var s = text.Trim();
        if (s.Length == 0) return null;
        try
        {
            return JsonDocument.Parse(s, Options);
        }
        catch (JsonException)
        {
        }
        // One repair: HTML comment / CDATA wrappers, and raw control characters (newlines and
        // tabs inside strings are invalid JSON but common in hand-templated JSON-LD).
        var repaired = s.Replace("<!--", "").Replace("-->", "").Replace("//<![CDATA[", "").Replace("//]]>", "")
            .Replace("<![CDATA[", "").Replace("]]>", "");
        var chars = repaired.ToCharArray();
        for (int i = 0; i < chars.Length; i++) if (chars[i] < ' ') chars[i] = ' ';
        repaired = new string(chars).Trim().TrimEnd(';');
        try
        {
            return JsonDocument.Parse(repaired, Options);
        }
        catch (JsonException)
        {
        }
        return ParseConcatenated(repaired);
    }

    /// <summary>Several JSON values written one after another ("{…}{…}", one script for two objects): read as one array.</summary>
    static JsonDocument? ParseConcatenated(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            AllowMultipleValues = true,
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
        });
        var values = new List<string>();
        try
        {
            while (reader.Read())
            {
                using var value = JsonDocument.ParseValue(ref reader);
                values.Add(value.RootElement.GetRawText());
            }
        }
        catch (JsonException)
        {
            // keep the values read before the broken part
        }
        if (values.Count < 2) return null;
        try
        {
            return JsonDocument.Parse("[" + string.Join(",", values) + "]", Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Every object in the document, in order, with its depth; indexes @id'd objects.</summary>
    static void Collect(JsonElement root, List<Obj> objects, Dictionary<string, JsonElement> byId)
    {
        var stack = new Stack<(JsonElement El, int Depth)>();
        stack.Push((root, 0));
        // Depth counts objects only: a top-level array or @graph holds depth-1 objects as in the
        // single-object shape, so "the article" is found the same way in every shape.
        while (stack.Count > 0 && objects.Count < MaxObjects)
        {
            var (el, depth) = stack.Pop();
            if (depth > MaxDepth) continue;
            if (el.ValueKind == JsonValueKind.Array)
            {
                var items = new List<JsonElement>();
                foreach (var x in el.EnumerateArray()) if (x.ValueKind is JsonValueKind.Object or JsonValueKind.Array) items.Add(x);
                for (int i = items.Count - 1; i >= 0; i--) stack.Push((items[i], depth));
                continue;
            }
            if (el.ValueKind != JsonValueKind.Object) continue;
            var types = TypesOf(el);
            objects.Add(new Obj(el, depth + 1, objects.Count, types));
            if (el.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String && HasMoreThanId(el))
                byId.TryAdd(id.GetString()!, el);
            var children = new List<JsonElement>();
            foreach (var p in el.EnumerateObject())
            {
                if (p.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)) continue;
                // @graph members are top-level objects
                children.Add(p.Value);
            }
            bool graph = el.TryGetProperty("@graph", out _);
            for (int i = children.Count - 1; i >= 0; i--) stack.Push((children[i], graph && types.Length == 0 ? depth : depth + 1));
        }
    }

    static bool HasMoreThanId(JsonElement el)
    {
        int n = 0;
        foreach (var _ in el.EnumerateObject()) if (++n > 1) return true;
        return false;
    }

    /// <summary>An object's <c>@type</c> values without their vocabulary ("https://schema.org/Comment" → "Comment").</summary>
    internal static string[] TypesOf(JsonElement el)
    {
        if (!el.TryGetProperty("@type", out var t)) return Array.Empty<string>();
        if (t.ValueKind == JsonValueKind.String) return [StripVocab(t.GetString()!)];
        if (t.ValueKind == JsonValueKind.Array)
        {
            var list = new List<string>();
            foreach (var x in t.EnumerateArray()) if (x.ValueKind == JsonValueKind.String) list.Add(StripVocab(x.GetString()!));
            return list.ToArray();
        }
        return Array.Empty<string>();
    }

    static string StripVocab(string t)
    {
        t = t.Trim();
        int cut = Math.Max(t.LastIndexOf('/'), t.LastIndexOf(':'));
        return cut >= 0 ? t[(cut + 1)..] : t;
    }

    static bool AnyType(string[] types, HashSet<string> set)
    {
        foreach (var t in types) if (set.Contains(t)) return true;
        return false;
    }

    static bool AnyType(string[] types, params string[] wanted)
    {
        foreach (var t in types)
            foreach (var w in wanted)
                if (string.Equals(t, w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    static JsonElement First(JsonElement el)
    {
        if (el.ValueKind == JsonValueKind.Array)
            foreach (var x in el.EnumerateArray()) return x;
        return el;
    }

    static JsonElement Resolve(JsonElement el, Dictionary<string, JsonElement> byId)
    {
        if (el.ValueKind == JsonValueKind.Object && el.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String
            && !HasMoreThanId(el) && byId.TryGetValue(id.GetString()!, out var target))
            return target;
        return el;
    }

    /// <summary>A string property, whitespace-collapsed; the first string of an array; @value of a value object.</summary>
    static string? Str(JsonElement el, string name)
    {
        if (el.ValueKind != JsonValueKind.Object || !el.TryGetProperty(name, out var v)) return null;
        return AsString(v);
    }

    static string? AsString(JsonElement v)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.String: return Decode(v.GetString());
            case JsonValueKind.Number: return v.GetRawText();
            case JsonValueKind.Array:
                foreach (var x in v.EnumerateArray())
                {
                    var s = AsString(x);
                    if (s is not null) return s;
                }
                return null;
            case JsonValueKind.Object:
                if (v.TryGetProperty("@value", out var val)) return AsString(val);
                return null;
            default: return null;
        }
    }

    /// <summary>
    /// Whitespace-collapsed, with HTML character references decoded: CMS templates write
    /// "&amp;#8211;" and "&amp;quot;" into JSON-LD strings (seen on WordPress/Yoast pages of the corpus).
    /// </summary>
    internal static string? Decode(string? s)
    {
        if (s is not null && s.Contains('&') && s.Contains(';')) s = System.Net.WebUtility.HtmlDecode(s);
        return MetaText.Clean(s);
    }

    static string? NameOf(JsonElement el)
    {
        if (el.ValueKind == JsonValueKind.String) return Decode(el.GetString());
        if (el.ValueKind != JsonValueKind.Object) return null;
        var name = Str(el, "name");
        if (name is not null) return name;
        var given = Str(el, "givenName");
        var family = Str(el, "familyName");
        if (given is not null || family is not null) return MetaText.Clean($"{given} {family}");
        return Str(el, "legalName") ?? Str(el, "alternateName");
    }

    static void AddAuthors(JsonElement v, List<JsonLdAuthor> into, Dictionary<string, JsonElement> byId, int depth)
    {
        // depth bounds strings-that-are-JSON inside arrays inside strings
        if (depth > 4) return;
        switch (v.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var x in v.EnumerateArray()) AddAuthors(x, into, byId, depth + 1);
                break;
            case JsonValueKind.String:
                AddAuthorString(v.GetString(), false, into, byId, depth);
                break;
            case JsonValueKind.Object:
                var el = Resolve(v, byId);
                var types = TypesOf(el);
                var name = NameOf(el);
                if (name is null) break;
                if (el.ValueKind == JsonValueKind.Object && el.TryGetProperty("name", out var nv) && nv.ValueKind == JsonValueKind.Array)
                {
                    // "name": ["A", "B"]
                    foreach (var x in nv.EnumerateArray())
                        if (x.ValueKind == JsonValueKind.String) AddAuthorString(x.GetString(), AnyType(types, OrganizationTypes), into, byId, depth + 1);
                    break;
                }
                AddAuthorString(name, AnyType(types, OrganizationTypes), into, byId, depth);
                break;
        }
    }

    /// <summary>A plain-string author, which may be a list of names or a JSON array in a string.</summary>
    static void AddAuthorString(string? raw, bool org, List<JsonLdAuthor> into, Dictionary<string, JsonElement> byId, int depth)
    {
        var s = Decode(raw);
        if (s is null) return;
        if (LooksLikeJson(s))
        {
            var doc = TryParse(s);
            if (doc is not null)
            {
                using (doc) AddAuthors(doc.RootElement, into, byId, depth + 1);
                return;
            }
        }
        if (MetaText.LooksLikeUrl(s)) return;
        foreach (var n in AuthorNames.Parse(s)) into.Add(new JsonLdAuthor(n, org));
    }

    static bool LooksLikeJson(string s) => (s.StartsWith('[') && s.EndsWith(']')) || (s.StartsWith('{') && s.EndsWith('}'));

    static string? ImageUrl(JsonElement el, Dictionary<string, JsonElement> byId)
    {
        if (!el.TryGetProperty("image", out var img)) return null;
        var first = Resolve(First(img), byId);
        if (first.ValueKind == JsonValueKind.String) return Decode(first.GetString());
        if (first.ValueKind == JsonValueKind.Object) return Str(first, "url") ?? Str(first, "contentUrl");
        return null;
    }

    static void ReadBreadcrumbs(JsonElement list, List<(string Name, string? Url)> into, Dictionary<string, JsonElement> byId)
    {
        if (!list.TryGetProperty("itemListElement", out var items) || items.ValueKind != JsonValueKind.Array) return;
        var found = new List<(double Pos, string Name, string? Url)>();
        foreach (var raw in items.EnumerateArray())
        {
            if (raw.ValueKind != JsonValueKind.Object) continue;
            var pos = raw.TryGetProperty("position", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetDouble()
                : double.TryParse(Str(raw, "position"), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : found.Count + 1;
            var item = raw.TryGetProperty("item", out var it) ? Resolve(it, byId) : default;
            var name = Str(raw, "name") ?? (item.ValueKind == JsonValueKind.Object ? Str(item, "name") : null);
            var url = item.ValueKind == JsonValueKind.String ? item.GetString() : item.ValueKind == JsonValueKind.Object ? Str(item, "@id") ?? Str(item, "url") : null;
            if (name is not null) found.Add((pos, name, url));
        }
        foreach (var (_, name, url) in found.OrderBy(x => x.Pos)) into.Add((name, url));
    }

    static void AddKeywords(JsonElement v, List<string> into, int depth)
    {
        if (depth > 3) return;
        if (v.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in v.EnumerateArray()) AddKeywords(x, into, depth + 1);
            return;
        }
        if (v.ValueKind == JsonValueKind.Object)
        {
            var n = Str(v, "name");
            if (n is not null) into.Add(n);
            return;
        }
        if (v.ValueKind != JsonValueKind.String) return;
        var s = Decode(v.GetString());
        if (s is null) return;
        if (LooksLikeJson(s))
        {
            var doc = TryParse(s);
            if (doc is not null)
            {
                using (doc) AddKeywords(doc.RootElement, into, depth + 1);
                return;
            }
        }
        foreach (var k in s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) into.Add(k);
    }
}
