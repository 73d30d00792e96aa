using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Winnow.Tests.Evaluation;

/// <summary>
/// tests/data/eval-fixture/predictions.json.gz (made by make_predictions.py) written out as a prediction
/// folder in a temporary directory, with score.py's outputs for it (expected/, made by regenerate.sh).
/// </summary>
public sealed class PredictionFixture : IDisposable
{
    public static string FixtureDir { get; } = Path.Combine(TestData.Root, "eval-fixture");

    /// <summary>The expanded prediction folder.</summary>
    public string PredDir { get; }

    /// <summary>An empty prediction folder.</summary>
    public string EmptyDir { get; }

    public PredictionFixture()
    {
        var root = Path.Combine(Path.GetTempPath(), "winnow-eval-fixture-" + Guid.NewGuid().ToString("N"));
        PredDir = Path.Combine(root, "pred");
        EmptyDir = Path.Combine(root, "empty");
        Directory.CreateDirectory(EmptyDir);
        using var doc = JsonDocument.Parse(ReadGz(Path.Combine(FixtureDir, "predictions.json.gz")));
        foreach (var entry in doc.RootElement.GetProperty("files").EnumerateArray())
        {
            var path = Path.Combine([PredDir, .. entry.GetProperty("path").GetString()!.Split('/')]);
            if (entry.TryGetProperty("directory", out _))
            {
                Directory.CreateDirectory(path);
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            byte[] bytes = entry.TryGetProperty("base64", out var b64)
                ? Convert.FromBase64String(b64.GetString()!)
                : new UTF8Encoding(false).GetBytes(entry.GetProperty("text").GetString()!);
            File.WriteAllBytes(path, bytes);
        }
    }

    /// <summary>A golden file of expected/ as text (gunzipped when it ends in .gz).</summary>
    public static string Expected(string name)
    {
        var path = Path.Combine(FixtureDir, "expected", name);
        return Encoding.UTF8.GetString(name.EndsWith(".gz", StringComparison.Ordinal) ? ReadGz(path) : File.ReadAllBytes(path));
    }

    static byte[] ReadGz(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gz.CopyTo(buffer);
        return buffer.ToArray();
    }

    public void Dispose()
    {
        try { Directory.Delete(Path.GetDirectoryName(PredDir)!, recursive: true); }
        catch (IOException) { }
    }
}
