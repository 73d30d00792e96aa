using Winnow.Archive;

namespace Winnow.Tests.Archive;

/// <summary>The sample archives in tests/data/warc (written by other tools) and helpers to read them.</summary>
internal static class WarcSamples
{
    public static string Dir { get; } = Path.Combine(TestData.Root, "warc");

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Dir, name));

    /// <summary>Reads a whole archive: the records yielded (all types when <paramref name="allTypes"/>) and the tally.</summary>
    public static (List<WarcRecord> Records, WarcTally Tally) Read(byte[] bytes, bool allTypes = false, WarcReaderOptions? options = null)
    {
        options ??= WarcReaderOptions.Default;
        if (allTypes) options = options with { YieldTypes = System.Collections.Immutable.ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "warcinfo", "request", "response", "revisit", "resource", "metadata", "conversion", "continuation") };
        var reader = new WarcReader(new MemoryStream(bytes), options);
        var records = reader.ReadRecords().ToList();
        return (records, reader.Tally);
    }

    public static (List<WarcRecord> Records, WarcTally Tally) Read(string name, bool allTypes = false) => Read(Bytes(name), allTypes);
}
