namespace Winnow.Archive;

/// <summary>The CRC-32 of gzip members (RFC 1952 section 8: polynomial 0xEDB88320, reflected, inverted).</summary>
internal static class Crc32
{
    // 0xEDB88320: the reflected CRC-32 polynomial RFC 1952 prescribes for the gzip trailer.
    const uint Polynomial = 0xEDB88320u;

    static readonly uint[] Table = BuildTable();

    /// <summary>Continues a CRC over <paramref name="bytes"/>; start from 0.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> bytes)
    {
        crc = ~crc;
        foreach (var b in bytes) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
