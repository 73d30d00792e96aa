namespace Winnow.Dom;

/// <summary>What the tree-construction rules of the HTML standard do with a tag (HTML namespace).</summary>
[Flags]
internal enum TagFlags : uint
{
    None = 0,
    /// <summary>Never has content: never pushed on the stack of open elements.</summary>
    Void = 1 << 0,
    /// <summary>RAWTEXT or RCDATA content (style, title, textarea, …): runs to its own end tag.</summary>
    RawText = 1 << 1,
    /// <summary>Script data: like raw text, with the escape states of script data.</summary>
    ScriptData = 1 << 2,
    /// <summary>plaintext: everything after the tag is text.</summary>
    Plaintext = 1 << 3,
    /// <summary>The standard's "special" category.</summary>
    Special = 1 << 4,
    /// <summary>The standard's formatting elements (list of active formatting elements).</summary>
    Formatting = 1 << 5,
    /// <summary>Ends the default "has an element in scope" search.</summary>
    ScopeBoundary = 1 << 6,
    /// <summary>Puts a marker on the list of active formatting elements.</summary>
    Marker = 1 << 7,
    /// <summary>Its start tag closes an open p element (in button scope).</summary>
    ClosesP = 1 << 8,
    /// <summary>h1 … h6.</summary>
    Heading = 1 << 9,
    /// <summary>Its start tag does not reconstruct the active formatting elements.</summary>
    NoReconstruct = 1 << 10,
    /// <summary>Phrasing content: dropping its tag must not separate words.</summary>
    Phrasing = 1 << 11,
    /// <summary>Its start tag leaves SVG/MathML content (the "breakout" list).</summary>
    Breakout = 1 << 12,
    /// <summary>tbody, thead, tfoot.</summary>
    TableSection = 1 << 13,
    /// <summary>End tag closes the element when it is in (default) scope: the block elements.</summary>
    BlockEnd = 1 << 14,
}

/// <summary>
/// Tag ids and their tree-construction properties, for the depth pre-pass. The sets are the ones
/// the WHATWG HTML standard names in "13.2.4.2 The stack of open elements", "13.2.4.3 The list of
/// active formatting elements" and "13.2.6.4.7 The in body insertion mode".
/// </summary>
internal static class HtmlTags
{
    const TagFlags V = TagFlags.Void, R = TagFlags.RawText, S = TagFlags.Special, F = TagFlags.Formatting,
        B = TagFlags.ScopeBoundary, M = TagFlags.Marker, C = TagFlags.ClosesP, H = TagFlags.Heading,
        N = TagFlags.NoReconstruct, Ph = TagFlags.Phrasing, Bo = TagFlags.Breakout, E = TagFlags.BlockEnd;

    static readonly (string Name, TagFlags Flags)[] Known =
    [
        ("a", F | Ph), ("abbr", Ph), ("address", S | C | N | E), ("applet", S | B | M), ("area", S | V),
        ("article", S | C | N | E), ("aside", S | C | N | E), ("audio", 0), ("b", F | Ph | Bo), ("base", S | V | N),
        ("basefont", S | V | N), ("bdi", Ph), ("bdo", Ph), ("bgsound", S | V | N), ("big", F | Ph | Bo),
        ("blockquote", S | C | N | Bo | E), ("body", S | N | Bo), ("br", S | V | Bo), ("button", S | E), ("canvas", 0),
        ("caption", S | B | M | N), ("center", S | C | N | Bo | E), ("cite", Ph), ("code", F | Ph | Bo), ("col", S | V | N),
        ("colgroup", S | N), ("data", Ph), ("datalist", 0), ("dd", S | C | N | Bo), ("del", Ph),
        ("details", S | C | N | E), ("dfn", Ph), ("dialog", C | N | E), ("dir", S | C | N | E), ("div", S | C | N | Bo | E),
        ("dl", S | C | N | Bo | E), ("dt", S | C | N | Bo), ("em", F | Ph | Bo), ("embed", S | V | Bo), ("fieldset", S | C | N | E),
        ("figcaption", S | C | N | E), ("figure", S | C | N | E), ("font", F | Ph), ("footer", S | C | N | E), ("form", S | C | N),
        ("frame", S | V | N), ("frameset", S | N), ("h1", S | C | H | N | Bo), ("h2", S | C | H | N | Bo), ("h3", S | C | H | N | Bo),
        ("h4", S | C | H | N | Bo), ("h5", S | C | H | N | Bo), ("h6", S | C | H | N | Bo), ("head", S | N | Bo), ("header", S | C | N | E),
        ("hgroup", S | C | N | E), ("hr", S | V | N | Bo), ("html", S | B | N), ("i", F | Ph | Bo), ("iframe", S | R | N),
        ("image", V), ("img", S | V | Bo), ("input", S | V), ("ins", Ph), ("kbd", Ph),
        ("keygen", S | V), ("label", Ph), ("legend", 0), ("li", S | C | N | Bo), ("link", S | V | N),
        ("listing", S | C | N | Bo | E), ("main", S | C | N | E), ("map", 0), ("mark", Ph), ("marquee", S | B | M),
        ("menu", S | C | N | Bo | E), ("meta", S | V | N | Bo), ("meter", Ph), ("nav", S | C | N | E), ("nobr", F | Ph | Bo),
        ("noembed", S | R | N), ("noframes", S | R | N), ("noscript", S), ("object", S | B | M), ("ol", S | C | N | Bo | E),
        ("optgroup", 0), ("option", 0), ("output", Ph), ("p", S | C | N | Bo), ("param", S | V | N),
        ("picture", 0), ("plaintext", S | C | N | TagFlags.Plaintext), ("pre", S | C | N | Bo | E), ("progress", Ph), ("q", Ph),
        ("rb", Ph | N), ("rp", Ph | N), ("rt", Ph | N), ("rtc", Ph | N), ("ruby", Ph | Bo),
        ("s", F | Ph | Bo), ("samp", Ph), ("script", S | N | TagFlags.ScriptData), ("search", S | C | N | E), ("section", S | C | N | E),
        ("select", S), ("slot", 0), ("small", F | Ph | Bo), ("source", S | V | N), ("span", Ph | Bo),
        ("strike", F | Ph | Bo), ("strong", F | Ph | Bo), ("style", S | R | N), ("sub", Ph | Bo), ("summary", S | C | N | E),
        ("sup", Ph | Bo), ("table", S | B | C | N | Bo), ("tbody", S | N | TagFlags.TableSection), ("td", S | B | M | N), ("template", S | B | M | N),
        ("textarea", S | R | N), ("tfoot", S | N | TagFlags.TableSection), ("th", S | B | M | N), ("thead", S | N | TagFlags.TableSection), ("time", Ph),
        ("title", S | R | N), ("tr", S | N), ("track", S | V | N), ("tt", F | Ph | Bo), ("u", F | Ph | Bo),
        ("ul", S | C | N | Bo | E), ("var", Ph | Bo), ("video", 0), ("wbr", S | V | Ph), ("xmp", S | C | R),
        // SVG and MathML names the rules single out, plus common SVG names (ids only, to skip a lookup).
        ("svg", 0), ("math", 0), ("mi", 0), ("mo", 0), ("mn", 0), ("ms", 0), ("mtext", 0), ("annotation-xml", 0),
        ("foreignobject", 0), ("desc", 0), ("mglyph", 0), ("malignmark", 0),
        ("path", 0), ("g", 0), ("rect", 0), ("circle", 0), ("use", 0), ("defs", 0), ("symbol", 0), ("polygon", 0),
        ("polyline", 0), ("line", 0), ("ellipse", 0), ("stop", 0), ("text", 0), ("tspan", 0), ("lineargradient", 0),
        ("radialgradient", 0), ("clippath", 0), ("mask", 0), ("pattern", 0), ("filter", 0),
    ];

    /// <summary>Number of known tags; unknown names get ids from here on.</summary>
    public static int Count => Known.Length;

    static readonly TagFlags[] FlagsById = Known.Select(t => t.Flags).ToArray();
    static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Known.Select((t, i) => (t.Name, i)).ToDictionary(t => t.Name, t => t.i, StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Id of a lower-case tag name, or -1 when it is not in the table.</summary>
    public static int Find(ReadOnlySpan<char> lowerName) => Lookup.TryGetValue(lowerName, out var id) ? id : -1;

    /// <summary>The lower-case name of a known tag id.</summary>
    public static string Name(int id) => Known[id].Name;

    /// <summary>The flags of a tag id (unknown ids have none).</summary>
    public static TagFlags Flags(int id) => (uint)id < (uint)FlagsById.Length ? FlagsById[id] : TagFlags.None;

    static int Id(string name) => Lookup.TryGetValue(name, out var id) ? id : throw new InvalidOperationException(name);

    public static readonly int Html = Id("html"), Head = Id("head"), Body = Id("body"), Frameset = Id("frameset"),
        P = Id("p"), Li = Id("li"), Dd = Id("dd"), Dt = Id("dt"), Ol = Id("ol"), Ul = Id("ul"), Button = Id("button"),
        Address = Id("address"), Div = Id("div"), Form = Id("form"), Hr = Id("hr"), Br = Id("br"), Image = Id("image"),
        Table = Id("table"), Tbody = Id("tbody"), Thead = Id("thead"), Tfoot = Id("tfoot"), Tr = Id("tr"), Td = Id("td"), Th = Id("th"),
        Caption = Id("caption"), Colgroup = Id("colgroup"), Col = Id("col"), Template = Id("template"),
        Select = Id("select"), Option = Id("option"), Optgroup = Id("optgroup"), A = Id("a"), Nobr = Id("nobr"), Font = Id("font"),
        Ruby = Id("ruby"), Rb = Id("rb"), Rp = Id("rp"), Rt = Id("rt"), Rtc = Id("rtc"),
        Svg = Id("svg"), Math = Id("math"), Mi = Id("mi"), Mo = Id("mo"), Mn = Id("mn"), Ms = Id("ms"), Mtext = Id("mtext"),
        AnnotationXml = Id("annotation-xml"), ForeignObject = Id("foreignobject"), Desc = Id("desc"), Title = Id("title"),
        Mglyph = Id("mglyph"), Malignmark = Id("malignmark");
}
