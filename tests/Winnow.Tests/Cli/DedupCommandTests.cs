using System.Text.Json;
using Winnow.Cli;
using Winnow.Dedup;
using Winnow.Output;

namespace Winnow.Tests.Cli;

public class DedupCommandTests
{
    static string Story(int seed, int sentences) => string.Join(' ', Enumerable.Range(0, sentences).Select(i =>
        $"Sentence {i} of story {seed} tells how the council voted {seed * 7 + i} times on the {seed}th matter before lunch."));

    static string Line(string text, string url, string? canonical = null, string? published = null, string? fingerprint = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["url"] = url, ["title"] = "T", ["canonical_url"] = canonical,
            ["published"] = published is null ? null : new Dictionary<string, string> { ["iso"] = published },
            ["text"] = text, ["fingerprint"] = fingerprint,
        }.Where(kv => kv.Value is not null).ToDictionary());

    [Fact]
    public async Task WritesClusterAndCanonicalOnEveryLine()
    {
        using var dir = new TempDir();
        var a = Story(1, 12);
        var b = Story(2, 12);
        var lines = new[]
        {
            Line(a + " Comments are closed.", "https://copy.example/a", canonical: "https://copy.example/a", published: "2024-03-02T10:00:00Z"),
            Line(b, "https://other.example/b"),
            Line("Share this story. " + a, "https://origin.example/a", published: "2024-03-01T10:00:00Z"),
            "",
            Line("too short", "https://stub.example/"),
            Line("ignored text", "https://precomputed.example/a", fingerprint: MinHashFingerprint.Compute(a)!.ToString()),
        };
        File.WriteAllLines(dir.File("in.jsonl"), lines);

        var run = await CliRunner.RunAsync("dedup", dir.File("in.jsonl"), "--out", dir.File("out.jsonl"));

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var output = File.ReadAllLines(dir.File("out.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(5, output.Count);
        Assert.Equal([0, 1, 0, 3, 0], output.Select(o => o.GetProperty("cluster").GetInt32()));
        // The earliest published of the cluster is canonical; the others are not; a line alone is its own canonical.
        Assert.Equal([false, true, true, true, false], output.Select(o => o.GetProperty("canonical").GetBoolean()));
        // Fields are kept, a fingerprint is added where there was none (null when the text is too short).
        Assert.Equal("https://copy.example/a", output[0].GetProperty("url").GetString());
        Assert.StartsWith("mh1:", output[0].GetProperty("fingerprint").GetString());
        Assert.Equal(JsonValueKind.Null, output[3].GetProperty("fingerprint").ValueKind);
        Assert.Contains("5 articles, 3 clusters", run.Stderr);
    }

    [Fact]
    public async Task ReadsWhatExtractWrites()
    {
        using var dir = new TempDir();
        var page = File.ReadAllBytes(RepoPaths.SeedPage);
        var result = new Extractor().Extract(page);
        var json = JsonRenderer.Render(result, url: "https://scheerpost.com/x").ReplaceLineEndings(" ");
        File.WriteAllLines(dir.File("in.jsonl"), [json, json]);

        var run = await CliRunner.RunAsync("dedup", dir.File("in.jsonl"), "-o", "-", "--threshold", "0.9");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var output = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([0, 0], output.Select(o => o.GetProperty("cluster").GetInt32()));
        Assert.Equal([true, false], output.Select(o => o.GetProperty("canonical").GetBoolean()));
    }

    [Theory]
    [InlineData("--threshold", "0")]
    [InlineData("--threshold", "1.5")]
    public async Task RejectsAThresholdOutsideZeroToOne(string option, string value)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("in.jsonl"), "");
        var run = await CliRunner.RunAsync("dedup", dir.File("in.jsonl"), "--out", dir.File("o.jsonl"), option, value);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }

    [Fact]
    public async Task ABadLineIsReportedWithItsNumber()
    {
        using var dir = new TempDir();
        File.WriteAllLines(dir.File("in.jsonl"), ["{\"text\": \"a\"}", "not json"]);
        var run = await CliRunner.RunAsync("dedup", dir.File("in.jsonl"), "--out", dir.File("o.jsonl"));
        Assert.Equal(ExitCodes.Unreadable, run.ExitCode);
        Assert.Contains("line 2", run.Stderr);
        Assert.Equal(ExitCodes.Usage, (await CliRunner.RunAsync("dedup", dir.File("in.jsonl"), "--out", dir.File("in.jsonl"))).ExitCode);
    }
}
