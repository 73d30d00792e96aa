using System.IO.Enumeration;

namespace Winnow.Cli.Batch;

/// <summary>What kind of file an input is.</summary>
public enum InputKind { Html, Warc }

/// <summary>One input file of a batch, with its size (for progress and ETA).</summary>
public sealed record InputFile(string Path, InputKind Kind, long Size);

/// <summary>
/// Expands a batch's inputs into the ordered list of files it reads: files as given, directories
/// recursively (files matching the include globs, sorted by ordinal path so every run and every
/// machine sees the same order), and <c>-</c> for a list of paths on standard input (one per line).
/// </summary>
public static class BatchInputs
{
    /// <summary>The default include globs: pages and web archives, plain or gzip.</summary>
    public static readonly string[] DefaultIncludes = ["*.html", "*.htm", "*.xhtml", "*.html.gz", "*.htm.gz", "*.warc", "*.warc.gz", "*.arc.gz"];

    public static List<InputFile> Expand(IEnumerable<string> inputs, IReadOnlyList<string> includes, TextReader? stdin)
    {
        var files = new List<InputFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (input == "-")
            {
                if (stdin is null) throw new CliException(ExitCodes.Usage, "'-' reads a list of paths from standard input, but there is none.");
                string? line;
                while ((line = stdin.ReadLine()) is not null)
                    if (line.Trim() is { Length: > 0 } p) AddPath(p, includes, files, seen, explicitFile: true);
                continue;
            }
            AddPath(input, includes, files, seen, explicitFile: true);
        }
        return files;
    }

    static void AddPath(string path, IReadOnlyList<string> includes, List<InputFile> files, HashSet<string> seen, bool explicitFile)
    {
        if (Directory.Exists(path))
        {
            var found = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.None })
                .Where(f => Matches(System.IO.Path.GetFileName(f), includes))
                .Order(StringComparer.Ordinal);
            foreach (var f in found) Add(f, files, seen);
            return;
        }
        if (!File.Exists(path)) throw new CliException(ExitCodes.Unreadable, $"cannot read '{path}': no such file or directory.");
        if (explicitFile) Add(path, files, seen);
    }

    static void Add(string path, List<InputFile> files, HashSet<string> seen)
    {
        var normal = path.Replace('\\', '/');
        if (!seen.Add(normal)) return;
        files.Add(new InputFile(normal, KindOf(normal), new FileInfo(path).Length));
    }

    public static InputKind KindOf(string path)
    {
        var name = path.ToLowerInvariant();
        return name.EndsWith(".warc", StringComparison.Ordinal) || name.EndsWith(".warc.gz", StringComparison.Ordinal)
               || name.EndsWith(".arc.gz", StringComparison.Ordinal) ? InputKind.Warc : InputKind.Html;
    }

    static bool Matches(string name, IReadOnlyList<string> includes)
    {
        foreach (var g in includes)
            if (FileSystemName.MatchesSimpleExpression(g, name, ignoreCase: true)) return true;
        return false;
    }

    /// <summary>
    /// Whether <paramref name="file"/> belongs to shard <paramref name="k"/> of <paramref name="n"/>
    /// (1-based): by a stable hash of its path (FNV-1a, 64 bits), so any machine given the same
    /// inputs picks the same files, whatever the others do.
    /// </summary>
    public static bool InShard(InputFile file, int k, int n)
    {
        if (n <= 1) return true;
        ulong h = 14695981039346656037UL;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(file.Path))
        {
            h ^= b;
            h *= 1099511628211UL;
        }
        return (int)(h % (ulong)n) == k - 1;
    }
}
