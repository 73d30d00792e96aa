using System.Runtime.CompilerServices;
using System.Text;

namespace Winnow.Dom;

/// <summary>
/// One linear scan over the markup that follows the HTML tokenizer (tags, attribute quoting,
/// comments, raw-text and script content, CDATA in SVG/MathML) and keeps an approximate model of
/// the tree builder's stack of open elements and list of active formatting elements. Once a start
/// tag would open an element deeper than the limit, the tag is dropped (and so is its matching end
/// tag) while the text stays, so the real parser never builds, nor searches, a deep stack.
/// </summary>
/// <remarks>
/// The model follows the "in body" and table rules of the WHATWG standard closely enough that
/// normal pages never reach the limit (implicitly closed p/li/dd/dt/option/cells, scope
/// boundaries, reopened formatting elements, self-closing tags in SVG). It does not try to be
/// exact: the parser's own depth cap (<c>HtmlParserOptions.MaximumDepth</c>) remains behind it.
/// The string is only rewritten when a tag was dropped: the common case is one scan, no copy.
/// </remarks>
internal sealed class DepthPrepass
{
    const byte NsHtml = 0, NsSvg = 1, NsMath = 2;

    [Flags]
    enum EntryFlags : byte
    {
        None = 0,
        Special = 1,
        Boundary = 2,
        TextIntegration = 4,
        HtmlIntegration = 8,
        AnnotationXml = 16,
        Formatting = 32,
    }

    /// <summary>An open element, with the nearest entries of interest at or below it.</summary>
    struct Entry
    {
        public int Tag;
        public byte Ns;
        public EntryFlags Flags;
        public int PrevSame;      // next lower entry with the same tag, or -1
        public int Boundary;      // nearest default-scope boundary at or below
        public int Special;       // nearest special element at or below
        public int SpecialNotAdp; // nearest special element other than address, div, p
        public int Heading;       // nearest h1-h6, or -1
        public int Html;          // nearest HTML-namespace element
        public int HtmlOrIp;      // nearest HTML element or integration point
        public int FmtIndex;      // its entry in the list of active formatting elements (with Formatting)
    }

    /// <summary>An entry of the list of active formatting elements.</summary>
    struct Fmt
    {
        public int Tag;
        public int AttrHash;
        public int StackIndex; // -1: not open (to be reopened)
        public bool Marker;
    }

    readonly string _s;
    readonly int _max;
    readonly CancellationToken _token;

    Entry[] _stack = new Entry[64]; // grows by doubling; 64 is above the deepest corpus page (51)
    int _depth;
    int[] _posTop;
    int[] _droppedOpen;
    Fmt[] _fmt = new Fmt[16]; // grows by doubling; real pages keep a handful of formatting elements open
    int _fmtCount;
    int _fmtVersion, _pendingVersion = -1, _pendingCache;
    Dictionary<string, int>? _unknown;

    StringBuilder? _out;
    int _copied;

    DepthPrepass(string s, int maxDepth, CancellationToken token)
    {
        _s = s;
        _max = maxDepth;
        _token = token;
        _posTop = new int[HtmlTags.Count + 16]; // room for a few unknown (custom) tag names before growing
        _droppedOpen = new int[_posTop.Length];
        Array.Fill(_posTop, -1);
        // html and body are always open: what comes before <body> is a handful of leaves in <head>.
        PushEntry(HtmlTags.Html, NsHtml);
        PushEntry(HtmlTags.Body, NsHtml);
    }

    /// <summary>Deepest model depth reached (html = 1).</summary>
    public int MaxDepthSeen { get; private set; }

    /// <summary>Number of start and end tags dropped.</summary>
    public int Dropped { get; private set; }

    /// <summary>Formatting elements reopened ("reconstruct the active formatting elements").</summary>
    public int Reopened { get; private set; }

    /// <summary>Formatting elements not reopened because the budget was spent.</summary>
    public int Purged { get; private set; }

    /// <summary>Most formatting elements a page may have reopened.</summary>
    /// <remarks>About 1,000 times the most any corpus page reopens (11, measured on all 778 pages);
    /// 10,000 extra elements cost AngleSharp a few tens of milliseconds.</remarks>
    public const int ReopenBudget = 10_000;

    /// <summary>
    /// Scans <paramref name="html"/>; returns it unchanged when nothing nests deeper than
    /// <paramref name="maxDepth"/>, otherwise a copy without the tags that would have.
    /// </summary>
    public static string Apply(string html, int maxDepth, CancellationToken token, out DepthPrepass scan)
    {
        scan = new DepthPrepass(html, maxDepth, token);
        scan.Run();
        if (scan._out is null) return html;
        scan._out.Append(html, scan._copied, html.Length - scan._copied);
        return scan._out.ToString();
    }

    // ---------------------------------------------------------------- tokenizer

    void Run()
    {
        var s = _s;
        int n = s.Length, i = 0, sinceCheck = 0;
        while (i < n)
        {
            int lt = s.IndexOf('<', i);
            if (lt < 0) { if (i < n) OnText(i); break; }
            if (lt > i) OnText(i);
            // A cancellation check every 4096 markup constructs: cheap, and well under a millisecond apart.
            if (++sinceCheck == 4096) { sinceCheck = 0; _token.ThrowIfCancellationRequested(); }
            if (lt + 1 >= n) { OnText(lt); break; } // a '<' at the very end is text
            char c = s[lt + 1];
            if (IsAsciiAlpha(c)) i = StartTag(lt);
            else if (c == '/')
            {
                if (lt + 2 < n && IsAsciiAlpha(s[lt + 2])) i = EndTag(lt);
                else if (lt + 2 < n && s[lt + 2] == '>') i = lt + 3;
                else i = SkipPast(lt + 2, '>');
            }
            else if (c == '!') i = MarkupDeclaration(lt);
            else if (c == '?') i = SkipPast(lt + 2, '>');
            else { i = lt + 1; OnText(lt); }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool IsAsciiAlpha(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool IsWs(char c) => c is ' ' or '\n' or '\t' or '\f' or '\r';

    int SkipPast(int from, char c)
    {
        int k = _s.IndexOf(c, from);
        return k < 0 ? _s.Length : k + 1;
    }

    int MarkupDeclaration(int lt)
    {
        var s = _s;
        int p = lt + 2;
        if (p + 1 < s.Length && s[p] == '-' && s[p + 1] == '-')
        {
            p += 2;
            // "<!-->" and "<!--->" are (empty) comments.
            if (p < s.Length && s[p] == '>') return p + 1;
            if (p + 1 < s.Length && s[p] == '-' && s[p + 1] == '>') return p + 2;
            while (true)
            {
                int k = s.IndexOf("--", p, StringComparison.Ordinal);
                if (k < 0) return s.Length;
                int after = k + 2;
                if (after < s.Length && s[after] == '>') return after + 1;
                if (after + 1 < s.Length && s[after] == '!' && s[after + 1] == '>') return after + 2;
                p = k + 1;
            }
        }
        if (_stack[_depth - 1].Ns != NsHtml && string.CompareOrdinal(s, p, "[CDATA[", 0, 7) == 0)
        {
            int k = s.IndexOf("]]>", p + 7, StringComparison.Ordinal);
            OnText(lt);
            return k < 0 ? s.Length : k + 3;
        }
        return SkipPast(p, '>'); // DOCTYPE or bogus comment
    }

    /// <summary>Reads a tag's name (lower-cased) and attributes; returns the index after it, or -1 at end of input.</summary>
    int ReadTag(int nameStart, out int tag, out bool selfClosing, out int attrStart, out int attrEnd)
    {
        var s = _s;
        int n = s.Length, p = nameStart;
        bool upper = false;
        while (p < n)
        {
            char c = s[p];
            if (IsWs(c) || c == '/' || c == '>') break;
            if ((uint)(c - 'A') <= 'Z' - 'A') upper = true;
            p++;
        }
        tag = TagId(s.AsSpan(nameStart, p - nameStart), upper);
        attrStart = p;
        selfClosing = false;
        while (true)
        {
            if (p >= n) { attrEnd = n; return -1; }
            char c = s[p];
            if (IsWs(c)) { p++; continue; }
            if (c == '>') { attrEnd = p; return p + 1; }
            if (c == '/')
            {
                if (p + 1 < n && s[p + 1] == '>') { selfClosing = true; attrEnd = p; return p + 2; }
                p++;
                continue;
            }
            p++; // first character of an attribute name (may be '=')
            while (p < n && !IsWs(c = s[p]) && c != '/' && c != '>' && c != '=') p++;
            while (p < n && IsWs(s[p])) p++;
            if (p < n && s[p] == '=')
            {
                p++;
                while (p < n && IsWs(s[p])) p++;
                if (p < n && (s[p] == '"' || s[p] == '\''))
                {
                    int q = s.IndexOf(s[p], p + 1);
                    if (q < 0) { attrEnd = n; return -1; }
                    p = q + 1;
                }
                else
                {
                    while (p < n && !IsWs(c = s[p]) && c != '>') p++;
                }
            }
        }
    }

    int TagId(ReadOnlySpan<char> source, bool upper)
    {
        if (!upper) return IdOf(source);
        // Names longer than this are no known tag; 64 covers every custom element name seen in practice.
        const int StackBuffer = 64;
        Span<char> buffer = source.Length <= StackBuffer ? stackalloc char[StackBuffer] : new char[source.Length];
        for (int k = 0; k < source.Length; k++)
        {
            char c = source[k];
            buffer[k] = (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
        }
        return IdOf(buffer[..source.Length]);
    }

    int IdOf(ReadOnlySpan<char> name)
    {
        int id = HtmlTags.Find(name);
        if (id >= 0) return id;
        _unknown ??= new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = _unknown.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(name, out id)) return id;
        id = HtmlTags.Count + _unknown.Count;
        _unknown.Add(name.ToString(), id);
        if (id >= _posTop.Length)
        {
            int old = _posTop.Length;
            Array.Resize(ref _posTop, old * 2);
            Array.Fill(_posTop, -1, old, old);
            Array.Resize(ref _droppedOpen, old * 2);
        }
        return id;
    }

    int StartTag(int lt)
    {
        int end = ReadTag(lt + 1, out int tag, out bool selfClosing, out int attrStart, out int attrEnd);
        if (end < 0) return _s.Length; // a tag cut by the end of input is dropped by the tokenizer too
        if (!OnStartTag(lt, tag, selfClosing, attrStart, attrEnd, out bool rawContent))
        {
            Drop(lt, end, tag);
            _droppedOpen[tag]++;
            return end;
        }
        if (!rawContent) return end;
        var flags = HtmlTags.Flags(tag);
        if ((flags & TagFlags.Plaintext) != 0) return _s.Length;
        return (flags & TagFlags.ScriptData) != 0 ? SkipScript(end) : SkipRawText(end, tag);
    }

    int EndTag(int lt)
    {
        int end = ReadTag(lt + 2, out int tag, out _, out _, out _);
        if (end < 0) return _s.Length;
        if (_droppedOpen[tag] > 0)
        {
            _droppedOpen[tag]--;
            Drop(lt, end, tag);
            return end;
        }
        OnEndTag(lt, tag);
        return end;
    }

    /// <summary>The rewritten markup, copied up to source index <paramref name="at"/>.</summary>
    StringBuilder Output(int at)
    {
        // Dropped tags shrink the text; the slack covers the few end tags a purge can add first.
        _out ??= new StringBuilder(_s.Length + 16);
        _out.Append(_s, _copied, at - _copied);
        _copied = at;
        return _out;
    }

    void Drop(int start, int end, int tag)
    {
        Dropped++;
        var output = Output(start);
        // A dropped block tag still separates words; a dropped inline tag must not.
        if ((HtmlTags.Flags(tag) & TagFlags.Phrasing) == 0) output.Append(' ');
        _copied = end;
    }

    /// <summary>Index of "&lt;/name" followed by whitespace, '/' or '&gt;' at <paramref name="k"/>, case-insensitively.</summary>
    bool IsEndTagOf(int k, string name)
    {
        var s = _s;
        int after = k + 2 + name.Length;
        if (after >= s.Length) return false; // "</name" at the very end is text
        if (string.Compare(s, k + 2, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) != 0) return false;
        char c = s[after];
        return IsWs(c) || c == '/' || c == '>';
    }

    int SkipRawText(int from, int tag)
    {
        string name = TagName(tag);
        int p = from;
        while (true)
        {
            int k = _s.IndexOf("</", p, StringComparison.Ordinal);
            if (k < 0) return _s.Length;
            if (IsEndTagOf(k, name))
            {
                int end = ReadTag(k + 2, out _, out _, out _, out _);
                return end < 0 ? _s.Length : end;
            }
            p = k + 2;
        }
    }

    /// <summary>Script data with its escaped and double-escaped states ("&lt;!--" … "&lt;script&gt;" … "--&gt;").</summary>
    int SkipScript(int from)
    {
        var s = _s;
        int n = s.Length, p = from;
        int state = 0; // 0 script data, 1 escaped, 2 double escaped
        while (true)
        {
            int k = state == 0 ? s.IndexOf('<', p) : s.AsSpan(p).IndexOfAny('<', '-');
            if (k < 0) return n;
            if (state != 0) k += p;
            if (s[k] == '-')
            {
                if (k + 2 < n && s[k + 1] == '-' && s[k + 2] == '>') { state = 0; p = k + 3; }
                else p = k + 1;
                continue;
            }
            if (state == 0 && k + 3 < n && s[k + 1] == '!' && s[k + 2] == '-' && s[k + 3] == '-')
            {
                state = 1;
                p = k + 4;
                // "<!-->" right away returns to script data.
                if (p < n && s[p] == '>') { state = 0; p++; }
                continue;
            }
            if (k + 1 < n && s[k + 1] == '/' && IsEndTagOf(k, "script"))
            {
                if (state == 2) { state = 1; p = k + 8; continue; }
                int end = ReadTag(k + 2, out _, out _, out _, out _);
                return end < 0 ? n : end;
            }
            if (state == 1 && k + 7 < n && string.Compare(s, k + 1, "script", 0, 6, StringComparison.OrdinalIgnoreCase) == 0
                && (IsWs(s[k + 7]) || s[k + 7] == '/' || s[k + 7] == '>'))
            {
                state = 2;
                p = k + 7;
                continue;
            }
            p = k + 1;
        }
    }

    // Raw-text elements are all known tags.
    static string TagName(int tag) => HtmlTags.Name(tag);

    // ---------------------------------------------------------------- model: stack

    int Top => _depth - 1;

    void PushEntry(int tag, byte ns, bool formatting = false)
    {
        if (_depth == _stack.Length) Array.Resize(ref _stack, _depth * 2);
        int idx = _depth;
        var flags = EntryFlags.None;
        var tf = HtmlTags.Flags(tag);
        if (ns == NsHtml)
        {
            if ((tf & TagFlags.Special) != 0) flags |= EntryFlags.Special;
            if ((tf & TagFlags.ScopeBoundary) != 0) flags |= EntryFlags.Boundary;
        }
        else if (ns == NsMath)
        {
            if (tag == HtmlTags.Mi || tag == HtmlTags.Mo || tag == HtmlTags.Mn || tag == HtmlTags.Ms || tag == HtmlTags.Mtext)
                flags |= EntryFlags.Special | EntryFlags.Boundary | EntryFlags.TextIntegration;
            else if (tag == HtmlTags.AnnotationXml) flags |= EntryFlags.Special | EntryFlags.Boundary | EntryFlags.AnnotationXml;
        }
        else if (tag == HtmlTags.ForeignObject || tag == HtmlTags.Desc || tag == HtmlTags.Title)
        {
            flags |= EntryFlags.Special | EntryFlags.Boundary | EntryFlags.HtmlIntegration;
        }
        if (formatting) flags |= EntryFlags.Formatting;
        ref Entry e = ref _stack[idx];
        e.Tag = tag;
        e.Ns = ns;
        e.Flags = flags;
        e.PrevSame = _posTop[tag];
        if (idx == 0)
        {
            e.Boundary = e.Special = e.SpecialNotAdp = e.Html = e.HtmlOrIp = 0;
            e.Heading = -1;
        }
        else
        {
            ref Entry below = ref _stack[idx - 1];
            bool special = (flags & EntryFlags.Special) != 0;
            e.Boundary = (flags & EntryFlags.Boundary) != 0 ? idx : below.Boundary;
            e.Special = special ? idx : below.Special;
            e.SpecialNotAdp = special && !(ns == NsHtml && (tag == HtmlTags.Address || tag == HtmlTags.Div || tag == HtmlTags.P))
                ? idx : below.SpecialNotAdp;
            e.Heading = ns == NsHtml && (tf & TagFlags.Heading) != 0 ? idx : below.Heading;
            e.Html = ns == NsHtml ? idx : below.Html;
            e.HtmlOrIp = ns == NsHtml || (flags & (EntryFlags.HtmlIntegration | EntryFlags.TextIntegration)) != 0 ? idx : below.HtmlOrIp;
        }
        _posTop[tag] = idx;
        _depth++;
        if (_depth > MaxDepthSeen) MaxDepthSeen = _depth;
    }

    /// <summary>Pops entries until the stack holds <paramref name="depth"/> of them (never html and body).</summary>
    void PopTo(int depth)
    {
        if (depth < 2) depth = 2;
        while (_depth > depth)
        {
            ref Entry e = ref _stack[--_depth];
            _posTop[e.Tag] = e.PrevSame;
            if ((e.Flags & EntryFlags.Formatting) != 0) CloseFmt(_depth);
            if (e.Ns == NsHtml && (HtmlTags.Flags(e.Tag) & TagFlags.Marker) != 0) ClearFmtToMarker();
        }
    }

    /// <summary>Topmost entry with <paramref name="tag"/> at or below index <paramref name="top"/>, or -1.</summary>
    int TopIndexAtOrBelow(int tag, int top)
    {
        int i = _posTop[tag];
        while (i > top) i = _stack[i].PrevSame;
        return i;
    }

    /// <summary>Index of the p element in button scope when the top is <paramref name="top"/>, or -1.</summary>
    int PInButtonScope(int top)
    {
        int p = TopIndexAtOrBelow(HtmlTags.P, top);
        if (p < 0) return -1;
        int boundary = Math.Max(_stack[top].Boundary, TopIndexAtOrBelow(HtmlTags.Button, top));
        return p > boundary ? p : -1;
    }

    /// <summary>Index of the innermost table when it is in table scope, or -1.</summary>
    int TableInTableScope()
    {
        int t = _posTop[HtmlTags.Table];
        return t > _posTop[HtmlTags.Template] ? t : -1;
    }

    bool InTableMode()
    {
        ref Entry top = ref _stack[Top];
        return top.Ns == NsHtml && (top.Tag == HtmlTags.Table || top.Tag == HtmlTags.Tr
            || (HtmlTags.Flags(top.Tag) & TagFlags.TableSection) != 0);
    }

    int TopSection() => Math.Max(_posTop[HtmlTags.Tbody], Math.Max(_posTop[HtmlTags.Thead], _posTop[HtmlTags.Tfoot]));

    // ---------------------------------------------------------------- model: active formatting elements

    void CloseFmt(int stackIndex)
    {
        _fmt[_stack[stackIndex].FmtIndex].StackIndex = -1;
        _fmtVersion++;
    }

    void ClearFmtToMarker()
    {
        while (_fmtCount > 0)
        {
            var f = _fmt[--_fmtCount];
            if (f.StackIndex >= 0 && !f.Marker) _stack[f.StackIndex].Flags &= ~EntryFlags.Formatting;
            if (f.Marker) break;
        }
        _fmtVersion++;
    }

    void InsertMarker()
    {
        if (_fmtCount == _fmt.Length) Array.Resize(ref _fmt, _fmtCount * 2);
        _fmt[_fmtCount++] = new Fmt { Marker = true, StackIndex = -1 };
        _fmtVersion++;
    }

    void RemoveFmtAt(int k)
    {
        if (_fmt[k].StackIndex >= 0) _stack[_fmt[k].StackIndex].Flags &= ~EntryFlags.Formatting;
        Array.Copy(_fmt, k + 1, _fmt, k, _fmtCount - k - 1);
        _fmtCount--;
        for (int j = k; j < _fmtCount; j++)
            if (!_fmt[j].Marker && _fmt[j].StackIndex >= 0) _stack[_fmt[j].StackIndex].FmtIndex = j;
        _fmtVersion++;
    }

    int FindFmtAfterMarker(int tag)
    {
        for (int k = _fmtCount - 1; k >= 0 && !_fmt[k].Marker; k--)
            if (_fmt[k].Tag == tag) return k;
        return -1;
    }

    /// <summary>How many entries "reconstruct the active formatting elements" would reopen.</summary>
    int PendingReopen()
    {
        if (_pendingVersion == _fmtVersion) return _pendingCache;
        int k = _fmtCount;
        while (k > 0 && !_fmt[k - 1].Marker && _fmt[k - 1].StackIndex < 0) k--;
        _pendingVersion = _fmtVersion;
        return _pendingCache = _fmtCount - k;
    }

    /// <summary>
    /// "Reconstruct the active formatting elements" at source index <paramref name="at"/>. Each
    /// paragraph can reopen the whole list, so markup can make the parser build far more elements
    /// than it has tags (&lt;p&gt;&lt;b id=1&gt;&lt;/p&gt;&lt;p&gt;&lt;b id=2&gt;&lt;/p&gt;…). Past a budget the
    /// elements are not reopened: an end tag is inserted for each instead, which the tree builder
    /// answers by taking the closed element off the list. The text stays; its formatting goes.
    /// </summary>
    void Reconstruct(int at)
    {
        if (_fmtCount == 0) return;
        ref Fmt last = ref _fmt[_fmtCount - 1];
        if (last.Marker || last.StackIndex >= 0) return;
        int k = _fmtCount - 1;
        while (k > 0 && !_fmt[k - 1].Marker && _fmt[k - 1].StackIndex < 0) k--;
        int count = _fmtCount - k;
        if (Reopened + count > ReopenBudget)
        {
            // Last to first: each end tag finds the last entry of its name, which is in this closed run.
            var output = Output(at);
            for (int j = _fmtCount - 1; j >= k; j--) output.Append("</").Append(HtmlTags.Name(_fmt[j].Tag)).Append('>');
            Purged += count;
            _fmtCount = k;
            _fmtVersion++;
            return;
        }
        Reopened += count;
        for (; k < _fmtCount; k++)
        {
            PushEntry(_fmt[k].Tag, NsHtml, formatting: true);
            _fmt[k].StackIndex = Top;
            _stack[Top].FmtIndex = k;
        }
        _fmtVersion++;
    }

    void AddFmt(int tag, int attrHash)
    {
        // Noah's Ark clause: at most three identical entries after the last marker.
        int same = 0, earliest = -1;
        for (int k = _fmtCount - 1; k >= 0 && !_fmt[k].Marker; k--)
        {
            if (_fmt[k].Tag == tag && _fmt[k].AttrHash == attrHash) { same++; earliest = k; }
        }
        if (same >= 3) RemoveFmtAt(earliest);
        if (_fmtCount == _fmt.Length) Array.Resize(ref _fmt, _fmtCount * 2);
        _stack[Top].FmtIndex = _fmtCount;
        _fmt[_fmtCount++] = new Fmt { Tag = tag, AttrHash = attrHash, StackIndex = Top };
        _fmtVersion++;
    }

    int AttrHash(int start, int end)
    {
        var hash = new HashCode();
        for (int k = start; k < end; k++)
        {
            char c = _s[k];
            if (!IsWs(c)) hash.Add(c);
        }
        return hash.ToHashCode();
    }

    /// <summary>The adoption agency algorithm, as far as depth goes. Returns false when the tag is "any other end tag".</summary>
    bool Adopt(int tag)
    {
        int f = FindFmtAfterMarker(tag);
        if (f < 0) return false;
        int at = _fmt[f].StackIndex;
        if (at < 0) { RemoveFmtAt(f); return true; }
        if (at < _stack[Top].Boundary) return true; // not in scope: ignored
        if (_stack[Top].Special > at) { AdoptAroundFurthestBlock(f, at); return true; }
        RemoveFmtAt(f);
        PopTo(at);
        return true;
    }

    /// <summary>
    /// With special elements above the formatting element, the algorithm moves the special ones
    /// up past it, drops the other elements in between from the stack, keeps clones of the
    /// formatting elements in between, and finally pops the formatting element's last clone
    /// with what is above it. The model keeps the special elements and the formatting elements
    /// below the topmost special one, closes the formatting elements above it, and drops the rest.
    /// </summary>
    void AdoptAroundFurthestBlock(int f, int at)
    {
        int topSpecial = _stack[Top].Special;
        int count = _depth - at - 1;
        var saved = new (int Tag, byte Ns, bool Keep, int Fmt)[count];
        for (int k = at + 1; k < _depth; k++)
        {
            ref Entry e = ref _stack[k];
            int fmt = (e.Flags & EntryFlags.Formatting) != 0 ? e.FmtIndex : -1;
            bool keep = (e.Flags & EntryFlags.Special) != 0 || (fmt >= 0 && k < topSpecial);
            saved[k - at - 1] = (e.Tag, e.Ns, keep, fmt > f ? fmt - 1 : fmt);
        }
        RemoveFmtAt(f);
        // Take the entries off without the side effects of popping (no markers can be above: the
        // formatting element is in scope), then put back the ones that stay open.
        while (_depth > at)
        {
            ref Entry e = ref _stack[--_depth];
            _posTop[e.Tag] = e.PrevSame;
        }
        foreach (var (tag, ns, keep, fmt) in saved)
        {
            if (keep)
            {
                PushEntry(tag, ns, formatting: fmt >= 0);
                if (fmt >= 0) { _fmt[fmt].StackIndex = Top; _stack[Top].FmtIndex = fmt; }
            }
            else if (fmt >= 0) _fmt[fmt].StackIndex = -1;
        }
        _fmtVersion++;
    }

    // ---------------------------------------------------------------- model: tree construction

    void OnText(int at)
    {
        if (_fmtCount > 0) Reconstruct(at);
    }

    /// <summary>Applies a start tag to the model; false when it must be dropped.</summary>
    bool OnStartTag(int at, int tag, bool selfClosing, int attrStart, int attrEnd, out bool rawContent)
    {
        rawContent = false;
        ref Entry top = ref _stack[Top];
        if (top.Ns != NsHtml)
        {
            bool htmlRules = ((top.Flags & EntryFlags.TextIntegration) != 0 && tag != HtmlTags.Mglyph && tag != HtmlTags.Malignmark)
                || ((top.Flags & EntryFlags.AnnotationXml) != 0 && tag == HtmlTags.Svg)
                || (top.Flags & EntryFlags.HtmlIntegration) != 0;
            if (!htmlRules)
            {
                bool breakout = (HtmlTags.Flags(tag) & TagFlags.Breakout) != 0
                    || (tag == HtmlTags.Font && FontBreaksOut(attrStart, attrEnd));
                if (!breakout)
                {
                    if (selfClosing) return true;
                    if (_depth + 1 > _max) return false;
                    byte ns = (top.Flags & EntryFlags.AnnotationXml) != 0 && tag == HtmlTags.Svg ? NsSvg : top.Ns;
                    PushEntry(tag, ns);
                    return true;
                }
                PopTo(top.HtmlOrIp + 1);
            }
        }

        var flags = HtmlTags.Flags(tag);
        if (tag == HtmlTags.Html || tag == HtmlTags.Head || tag == HtmlTags.Body || tag == HtmlTags.Frameset) return true;

        if ((flags & TagFlags.Void) != 0)
        {
            if (tag == HtmlTags.Hr) { int p = PInButtonScope(Top); if (p >= 0) PopTo(p); }
            else if (tag == HtmlTags.Col) return ColStart();
            else if ((flags & TagFlags.NoReconstruct) == 0) Reconstruct(at);
            return true;
        }
        if ((flags & (TagFlags.RawText | TagFlags.ScriptData | TagFlags.Plaintext)) != 0)
        {
            // Leaves: kept at any depth (dropping <script> would turn code into text).
            if ((flags & TagFlags.ClosesP) != 0) { int p = PInButtonScope(Top); if (p >= 0) PopTo(p); }
            rawContent = true;
            return true;
        }

        int popTo = _depth, implied = 0;
        bool pending = false;
        if (tag == HtmlTags.Li || tag == HtmlTags.Dd || tag == HtmlTags.Dt)
        {
            int item = tag == HtmlTags.Li ? _posTop[HtmlTags.Li] : Math.Max(_posTop[HtmlTags.Dd], _posTop[HtmlTags.Dt]);
            if (item >= 0 && item >= _stack[Top].SpecialNotAdp) popTo = item;
            int p = PInButtonScope(popTo - 1);
            if (p >= 0) popTo = p;
        }
        else if (tag == HtmlTags.Table)
        {
            int t = TableInTableScope();
            if (t >= 0 && InTableMode()) popTo = t;
            else { int p = PInButtonScope(Top); if (p >= 0) popTo = p; }
        }
        else if (tag == HtmlTags.Form)
        {
            if (_posTop[HtmlTags.Form] >= 0 && _posTop[HtmlTags.Template] < 0) return true; // nested form: ignored
            int p = PInButtonScope(Top);
            if (p >= 0) popTo = p;
        }
        else if ((flags & TagFlags.ClosesP) != 0)
        {
            int p = PInButtonScope(Top);
            if (p >= 0) popTo = p;
            if ((flags & TagFlags.Heading) != 0 && _stack[popTo - 1].Heading == popTo - 1) popTo--;
        }
        else if (tag == HtmlTags.Caption || tag == HtmlTags.Colgroup || (flags & TagFlags.TableSection) != 0
            || tag == HtmlTags.Tr || tag == HtmlTags.Td || tag == HtmlTags.Th)
        {
            int t = TableInTableScope();
            if (t < 0)
            {
                if (_posTop[HtmlTags.Template] < 0) return true; // outside a table: ignored
            }
            else if (tag == HtmlTags.Tr)
            {
                int sec = TopSection();
                if (sec > t) popTo = sec + 1; else { popTo = t + 1; implied = 1; }
            }
            else if (tag == HtmlTags.Td || tag == HtmlTags.Th)
            {
                int tr = _posTop[HtmlTags.Tr], sec = TopSection();
                if (tr > t) popTo = tr + 1;
                else if (sec > t) { popTo = sec + 1; implied = 1; }
                else { popTo = t + 1; implied = 2; }
            }
            else popTo = t + 1;
        }
        else if (tag == HtmlTags.Button)
        {
            int b = _posTop[HtmlTags.Button];
            if (b >= 0 && b > _stack[Top].Boundary) popTo = b;
        }
        else if (tag == HtmlTags.Select)
        {
            int sel = _posTop[HtmlTags.Select];
            if (sel >= 0) { PopTo(sel); return true; } // <select> in a select closes it
        }
        else if (tag == HtmlTags.Option || tag == HtmlTags.Optgroup)
        {
            if (_stack[popTo - 1].Tag == HtmlTags.Option) popTo--;
            if (tag == HtmlTags.Optgroup && _stack[popTo - 1].Tag == HtmlTags.Optgroup) popTo--;
        }
        else if (tag == HtmlTags.Rb || tag == HtmlTags.Rtc || tag == HtmlTags.Rp || tag == HtmlTags.Rt)
        {
            bool keepRtc = tag == HtmlTags.Rp || tag == HtmlTags.Rt;
            while (popTo > 2)
            {
                int t = _stack[popTo - 1].Tag;
                if (t == HtmlTags.Rb || t == HtmlTags.Rp || t == HtmlTags.Rt || (t == HtmlTags.Rtc && !keepRtc)) popTo--;
                else break;
            }
        }
        else if ((flags & TagFlags.Formatting) != 0)
        {
            // An open <a> (or <nobr> in scope) is closed first: never deepens the stack.
            if (tag == HtmlTags.A) Adopt(HtmlTags.A);
            else if (tag == HtmlTags.Nobr && _posTop[HtmlTags.Nobr] >= _stack[Top].Boundary) Adopt(HtmlTags.Nobr);
            popTo = _depth;
            pending = true;
        }
        else if ((tag == HtmlTags.Svg || tag == HtmlTags.Math) && selfClosing)
        {
            Reconstruct(at);
            return true;
        }

        // The formatting elements reopened before a new one count, or the list could grow without
        // bound (<p><b id=1></p><p><b id=2></p>…). Elsewhere they are bounded by that list.
        int newDepth = popTo + implied + 1 + (pending ? PendingReopen() : 0);
        if (newDepth > _max && newDepth > _depth) return false;

        PopTo(popTo);
        if ((flags & TagFlags.NoReconstruct) == 0) Reconstruct(at);
        if (implied > 1) PushEntry(HtmlTags.Tbody, NsHtml);
        if (implied > 0) PushEntry(tag == HtmlTags.Tr ? HtmlTags.Tbody : HtmlTags.Tr, NsHtml);
        if (tag == HtmlTags.Svg) PushEntry(tag, NsSvg);
        else if (tag == HtmlTags.Math) PushEntry(tag, NsMath);
        else if ((flags & TagFlags.Formatting) != 0)
        {
            PushEntry(tag, NsHtml, formatting: true);
            AddFmt(tag, AttrHash(attrStart, attrEnd));
        }
        else PushEntry(tag, NsHtml);
        if ((flags & TagFlags.Marker) != 0) InsertMarker();
        return true;
    }

    bool ColStart()
    {
        int t = TableInTableScope();
        if (t < 0 || _stack[Top].Tag == HtmlTags.Colgroup) return true;
        if (!InTableMode()) return true; // ignored
        if (t + 2 > _max) return false;
        PopTo(t + 1);
        PushEntry(HtmlTags.Colgroup, NsHtml); // implied <colgroup>, left open
        return true;
    }

    bool FontBreaksOut(int start, int end)
    {
        var attrs = _s.AsSpan(start, end - start);
        return attrs.Contains("color", StringComparison.OrdinalIgnoreCase)
            || attrs.Contains("face", StringComparison.OrdinalIgnoreCase)
            || attrs.Contains("size", StringComparison.OrdinalIgnoreCase);
    }

    void OnEndTag(int position, int tag)
    {
        int top = Top;
        if (_stack[top].Ns != NsHtml)
        {
            if (tag == HtmlTags.Br || tag == HtmlTags.P) PopTo(_stack[top].HtmlOrIp + 1);
            else
            {
                int at = _posTop[tag];
                if (at > _stack[top].Html) { PopTo(at); return; }
            }
            top = Top;
        }

        ref Entry t = ref _stack[top];
        var flags = HtmlTags.Flags(tag);
        if (tag == HtmlTags.Html || tag == HtmlTags.Body || tag == HtmlTags.Head) return;
        if (tag == HtmlTags.Br) { Reconstruct(position); return; }
        if (tag == HtmlTags.P)
        {
            int p = PInButtonScope(top);
            if (p >= 0) PopTo(p);
            return;
        }
        if (tag == HtmlTags.Li)
        {
            int li = _posTop[HtmlTags.Li];
            int scope = Math.Max(t.Boundary, Math.Max(_posTop[HtmlTags.Ol], _posTop[HtmlTags.Ul]));
            if (li > scope) PopTo(li);
            return;
        }
        if (tag == HtmlTags.Dd || tag == HtmlTags.Dt)
        {
            int at = _posTop[tag];
            if (at > t.Boundary) PopTo(at);
            return;
        }
        if ((flags & TagFlags.Heading) != 0)
        {
            if (t.Heading > t.Boundary) PopTo(t.Heading);
            return;
        }
        if (tag == HtmlTags.Form)
        {
            if (t.Tag == HtmlTags.Form) PopTo(top);
            return;
        }
        if ((flags & TagFlags.BlockEnd) != 0)
        {
            int at = _posTop[tag];
            if (at > t.Boundary) PopTo(at);
            return;
        }
        if (tag == HtmlTags.Table)
        {
            int at = TableInTableScope();
            if (at >= 0) PopTo(at);
            return;
        }
        if (tag == HtmlTags.Td || tag == HtmlTags.Th || tag == HtmlTags.Caption || tag == HtmlTags.Tr
            || (flags & TagFlags.TableSection) != 0)
        {
            // In table scope: above the innermost table (or template).
            int at = _posTop[tag];
            if (at > Math.Max(_posTop[HtmlTags.Table], _posTop[HtmlTags.Template])) PopTo(at);
            return;
        }
        if (tag == HtmlTags.Template)
        {
            int at = _posTop[tag];
            if (at > 1) PopTo(at);
            return;
        }
        if ((flags & TagFlags.Marker) != 0)
        {
            // applet, marquee, object: boundaries themselves, so "in scope" includes the topmost boundary.
            int at = _posTop[tag];
            if (at > 1 && at >= t.Boundary) PopTo(at);
            return;
        }
        if (tag == HtmlTags.Colgroup || tag == HtmlTags.Option)
        {
            if (t.Tag == tag) PopTo(top);
            return;
        }
        if (tag == HtmlTags.Optgroup)
        {
            if (t.Tag == HtmlTags.Option && top > 2 && _stack[top - 1].Tag == HtmlTags.Optgroup) PopTo(top - 1);
            else if (t.Tag == HtmlTags.Optgroup) PopTo(top);
            return;
        }
        if (tag == HtmlTags.Select)
        {
            int at = _posTop[HtmlTags.Select];
            if (at >= 0) PopTo(at);
            return;
        }
        if ((flags & TagFlags.Formatting) != 0 && Adopt(tag)) return;

        // Any other end tag: closes the same element unless a special element comes first.
        int same = _posTop[tag];
        if (same > 1 && same >= t.Special) PopTo(same);
    }
}
