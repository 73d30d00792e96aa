using System.Text;
using Winnow.Cli;

namespace Winnow.Tests.Cli;

/// <summary>What one in-process run of the CLI did.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>Runs <c>winnow</c> in-process through <see cref="WinnowCli.RunAsync"/>, with captured streams.</summary>
public static class CliRunner
{
    public static async Task<CliRun> RunAsync(byte[]? stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await WinnowCli.RunAsync(args, stdin is null ? null : new MemoryStream(stdin), stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(null, args);
}

/// <summary>Paths of the repository's test data, found from the test assembly's folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SeedPage => Path.Combine(Root, "tests", "data", "seeds", "page.html");

    /// <summary>The seed page's title (the placeholder metadata reader adds " – ScheerPost"; both contain this).</summary>
    public const string SeedTitle = "White House Says US Won\u2019t Push Ukraine to Negotiate with Russia";

    static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Winnow.sln"))) return d.FullName;
        throw new DirectoryNotFoundException("Winnow.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary directory, deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("winnow-cli-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

public static class Bytes
{
    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(data);
        return output.ToArray();
    }

    /// <summary>The 8-byte PNG signature followed by the start of an IHDR chunk: what an image file begins with.</summary>
    public static byte[] Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
