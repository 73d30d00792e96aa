using System.Text.RegularExpressions;
using Winnow.Cli;

namespace Winnow.Tests.Cli;

public class ServeCommandTests
{
    [Fact]
    public async Task ServeListensAnswersAndStopsCleanly()
    {
        var written = new StringWriter();
        // SyncTextWriter locks itself on each write: reading under the same lock sees whole lines
        var stderr = TextWriter.Synchronized(written);
        string Written() { lock (stderr) return written.ToString(); }
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = WinnowCli.RunAsync(["serve", "--urls", "http://127.0.0.1:0"], null, TextWriter.Null, stderr, cts.Token);
        string? url = null;
        for (int i = 0; i < 300 && url is null && !run.IsCompleted; i++)
        {
            await Task.Delay(100);
            var m = Regex.Match(Written(), @"listening on (http://127\.0\.0\.1:\d+)");
            if (m.Success) url = m.Groups[1].Value;
        }
        Assert.True(url is not null, $"no listening line; completed={run.IsCompleted} status={run.Status} exception={run.Exception?.InnerException} stderr=«{Written()}»");
        using var client = new HttpClient();
        Assert.Equal("ok\n", await client.GetStringAsync(url + "/healthz"));
        var page = await client.GetStringAsync(url + "/");
        Assert.Contains("Winnow reader", page);
        cts.Cancel();
        Assert.Equal(ExitCodes.Ok, await run);
    }

    [Fact]
    public void ServeIsListedInTheHelp()
    {
        var stdout = new StringWriter();
        WinnowCli.Run(["--help"], null, stdout, new StringWriter());
        Assert.Contains("serve", stdout.ToString());
    }
}
