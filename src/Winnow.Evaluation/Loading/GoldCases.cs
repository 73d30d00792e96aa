using Winnow.Evaluation.Json;
using Winnow.Evaluation.Text;

namespace Winnow.Evaluation.Loading;

/// <summary>One ground-truth case: its file path relative to the gold folder and its JSON record.</summary>
public sealed record GoldCase(string RelativePath, string Id, string Dataset, PyDict Record);

/// <summary>score.py's <c>load_gold</c>.</summary>
public static class GoldCases
{
    /// <summary>
    /// Every <c>*.json</c> under <paramref name="goldDir"/> that holds an object with "id" and "dataset",
    /// in <c>os.walk</c> order: a folder's files (sorted by code point), then its subfolders (sorted),
    /// depth first, following symbolic links. Unreadable files and folders are skipped silently.
    /// </summary>
    /// <exception cref="InvalidDataException">A case whose "id" or "dataset" is not a string (score.py stops with a TypeError).</exception>
    public static List<GoldCase> Load(string goldDir)
    {
        var cases = new List<GoldCase>();
        Walk(goldDir, goldDir, cases);
        return cases;
    }

    static readonly EnumerationOptions AllEntries = new()
    {
        AttributesToSkip = 0, // os.walk lists hidden (dot) files too
        IgnoreInaccessible = true,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
    };

    static void Walk(string root, string dir, List<GoldCase> cases)
    {
        List<string> files = [], dirs = [];
        try
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(dir, "*", AllEntries))
            {
                // os.walk's entry.is_dir() follows symbolic links.
                if (Directory.Exists(entry)) dirs.Add(Path.GetFileName(entry));
                else files.Add(Path.GetFileName(entry));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // os.walk ignores a folder it cannot list
        }
        files.Sort(CodePoints.Comparer);
        dirs.Sort(CodePoints.Comparer);
        foreach (var name in files)
        {
            if (!name.EndsWith(".json", StringComparison.Ordinal)) continue;
            string path = Path.Combine(dir, name);
            object? rec;
            try { rec = PyJsonReader.ReadFile(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or PyJsonException) { continue; }
            if (rec is not PyDict dict || !dict.ContainsKey("id") || !dict.ContainsKey("dataset")) continue;
            if (dict["id"] is not string id || dict["dataset"] is not string dataset)
                throw new InvalidDataException($"{path}: \"id\" and \"dataset\" must be strings");
            cases.Add(new GoldCase(Path.GetRelativePath(root, path), id, dataset, dict));
        }
        foreach (var name in dirs) Walk(root, Path.Combine(dir, name), cases);
    }
}
