namespace Winnow.Service.Endpoints;

/// <summary>Reads a request body into memory, never more than a cap: a 50 MB upload against a 20 MB cap costs 20 MB, not 50.</summary>
internal static class BodyReader
{
    public static async Task<byte[]> ReadCappedAsync(Stream body, long cap, CancellationToken token)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, token).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > cap) throw new PageTooLargeException(buffer.Length + read, cap);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
