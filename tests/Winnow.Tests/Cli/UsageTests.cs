using Winnow.Cli;

namespace Winnow.Tests.Cli;

public class UsageTests
{
    [Theory]
    [InlineData("")]                                        // no command
    [InlineData("extract")]                                  // no input
    [InlineData("extract page.html --format xml")]
    [InlineData("extract page.html --focus everything")]
    [InlineData("extract --bogus")]
    [InlineData("extract page.html --bogus")]
    [InlineData("extract page.html --timeout 0")]
    [InlineData("extract page.html --timeout soon")]
    [InlineData("bench somewhere --repeat 0")]
    [InlineData("bench somewhere --warmup -1")]
    [InlineData("frobnicate")]
    public async Task BadCommandLinesExit2WithAMessage(string commandLine)
    {
        var run = await CliRunner.RunAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.StartsWith("winnow: ", run.Stderr);
        Assert.Contains("--help", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Theory]
    [InlineData("ftp://example.org/page.html", "http")]
    public async Task OtherUrlSchemesExit2(string input, string expected)
    {
        var run = await CliRunner.RunAsync("extract", input);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(expected, run.Stderr);
    }

    [Fact]
    public async Task RelativeUrlOptionExits2()
    {
        var run = await CliRunner.RunAsync("extract", RepoPaths.SeedPage, "--url", "/relative/path");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--url", run.Stderr);
    }

    [Fact]
    public async Task HelpListsTheCommandsUnderTheToolName()
    {
        var run = await CliRunner.RunAsync("--help");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("winnow [command]", run.Stdout);
        Assert.DoesNotContain("Winnow.Cli", run.Stdout);
        foreach (var command in new[] { "extract", "eval", "bench" }) Assert.Contains(command, run.Stdout);
    }

    [Fact]
    public async Task ExtractHelpListsItsOptions()
    {
        var run = await CliRunner.RunAsync("extract", "--help");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("winnow extract", run.Stdout);
        foreach (var option in new[] { "--url", "--format", "--focus", "--no-comments", "--forum-replies", "--no-metadata", "--no-tables", "--no-images", "--no-links", "--timeout" })
            Assert.Contains(option, run.Stdout);
    }

    [Fact]
    public void LibraryErrorsMapToTheirExitCodes()
    {
        Assert.Equal(ExitCodes.NotHtml, WinnowCli.ExitCodeOf(new NotHtmlException("a PNG image")));
        Assert.Equal(ExitCodes.TooLarge, WinnowCli.ExitCodeOf(new PageTooLargeException(10, 5)));
        Assert.Equal(ExitCodes.Timeout, WinnowCli.ExitCodeOf(new ExtractionTimeoutException(TimeSpan.FromSeconds(1))));
        Assert.Equal(ExitCodes.FetchFailed, WinnowCli.ExitCodeOf(new CliException(ExitCodes.FetchFailed, "x")));
        Assert.Null(WinnowCli.ExitCodeOf(new InvalidOperationException("a bug")));
    }

    [Fact]
    public async Task ExpectedErrorsPrintOneLineWithoutAStackTrace()
    {
        var console = new CliConsole(Stream.Null, new StringWriter(), new StringWriter());
        var code = await WinnowCli.Guard(console, () => throw new ExtractionTimeoutException(TimeSpan.FromSeconds(10)));
        Assert.Equal(ExitCodes.Timeout, code);
        var message = console.Error.ToString()!;
        Assert.StartsWith("winnow: Extraction took longer than the limit of 10 s", message);
        Assert.Single(message.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void ExitCodesAreDistinct()
    {
        int[] codes = [ExitCodes.Ok, ExitCodes.Unexpected, ExitCodes.Usage, ExitCodes.Unreadable, ExitCodes.NotHtml, ExitCodes.FetchFailed, ExitCodes.TooLarge, ExitCodes.Timeout];
        Assert.Equal(codes.Length, codes.Distinct().Count());
    }
}
