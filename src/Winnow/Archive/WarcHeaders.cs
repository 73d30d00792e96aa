using System.Collections.Immutable;

namespace Winnow.Archive;

/// <summary>Named header fields in their order (a WARC record header or an HTTP header); names compare case-insensitively.</summary>
public sealed class WarcHeaders
{
    public static WarcHeaders Empty { get; } = new([]);

    public WarcHeaders(ImmutableArray<KeyValuePair<string, string>> fields) => Fields = fields;

    public ImmutableArray<KeyValuePair<string, string>> Fields { get; }

    /// <summary>The first field of that name, or null.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var field in Fields)
                if (string.Equals(field.Key, name, StringComparison.OrdinalIgnoreCase)) return field.Value;
            return null;
        }
    }

    /// <summary>All values of that name, in order.</summary>
    public IEnumerable<string> All(string name) =>
        Fields.Where(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Select(f => f.Value);

    /// <summary>
    /// Parses "Name: value" lines; a line starting with a space or tab continues the previous value
    /// (RFC 7230 obs-fold, WARC 1.1 section 4); lines without a colon are ignored.
    /// </summary>
    internal static WarcHeaders Parse(IEnumerable<string> lines)
    {
        var fields = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        foreach (var line in lines)
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                if (fields.Count > 0)
                    fields[^1] = new(fields[^1].Key, (fields[^1].Value + " " + line.Trim()).Trim());
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            fields.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        return new WarcHeaders(fields.ToImmutable());
    }
}
