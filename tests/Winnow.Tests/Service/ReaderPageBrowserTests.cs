using System.Diagnostics;
using Microsoft.Playwright;
using Winnow.Service;
using Xunit.Abstractions;

namespace Winnow.Tests.Service;

/// <summary>
/// The reader page in a real browser: Playwright drives Debian's Chromium (Playwright cannot
/// download its own browser here). The service runs on Kestrel on a free loopback port; the seed
/// page's HTML is pasted into the form, and the rendered article and nested comment thread are
/// checked. A screenshot is saved as a test artifact (<c>artifacts/reader-seed.png</c> under the
/// test output folder).
/// </summary>
public class ReaderPageBrowserTests(ITestOutputHelper output)
{
    static string SeedHtml => File.ReadAllText(Path.Combine(TestData.Root, "seeds", "page.html"));

    [Fact]
    public async Task SeedPageReadsWithItsThreadInChromium()
    {
        var chromium = BrowserSetup.ChromiumPath();
        await using var app = WinnowService.Build(ServiceOptions.Default with { Urls = "http://127.0.0.1:0" });
        await app.StartAsync();
        var baseUrl = app.Urls.First();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // CI containers run as root, where Chromium's sandbox cannot start
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 1400 } });
        await page.GotoAsync(baseUrl + "/");

        // keyboard path: open the paste box with the keyboard, paste, submit with Ctrl+Enter
        await page.FocusAsync("#paste > summary");
        await page.Keyboard.PressAsync("Enter");
        await page.FillAsync("#html", SeedHtml);
        await page.FocusAsync("#html");
        await page.Keyboard.PressAsync("Control+Enter");
        await page.WaitForSelectorAsync("#article:not([hidden])", new PageWaitForSelectorOptions { Timeout = 30_000 });

        Assert.Equal("White House Says US Won’t Push Ukraine to Negotiate with Russia", await page.TextContentAsync("#title"));
        Assert.Contains("Dave DeCamp", await page.TextContentAsync("#meta"));
        Assert.Contains("John Kirby", await page.TextContentAsync("#body"));
        Assert.Equal(13, await page.Locator("#thread > li.comment").CountAsync());
        // replies sit in a nested list under their parent comment
        Assert.Equal(5, await page.Locator("#thread li.comment ol.thread > li.comment").CountAsync());
        Assert.Equal(18, await page.Locator("#thread li.comment").CountAsync());

        var artifacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;
        var shot = Path.Combine(artifacts, "reader-seed.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        Assert.True(new FileInfo(shot).Length > 10_000);
        output.WriteLine($"screenshot: {shot}");
        await app.StopAsync();
    }
}

/// <summary>Finds Debian's Chromium, installing the package once when it is missing and the tests run as root (as in CI).</summary>
internal static class BrowserSetup
{
    static readonly Lazy<string> Located = new(Find);

    public static string ChromiumPath() => Located.Value;

    static string Find()
    {
        var env = Environment.GetEnvironmentVariable("WINNOW_CHROMIUM");
        foreach (var candidate in new[] { env, "/usr/bin/chromium", "/usr/bin/chromium-browser" })
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate)) return candidate;
        if (File.Exists("/usr/bin/apt-get"))
        {
            // as root (CI) directly, otherwise through a password-less sudo when there is one
            var root = Environment.UserName == "root";
            if (root || File.Exists("/usr/bin/sudo"))
            {
                Run(root ? "apt-get" : "sudo", (root ? "" : "-n apt-get ") + "update -q");
                Run(root ? "apt-get" : "sudo", (root ? "" : "-n apt-get ") + "install -y -q chromium");
            }
            if (File.Exists("/usr/bin/chromium")) return "/usr/bin/chromium";
        }
        throw new InvalidOperationException("The browser test needs Chromium: install Debian's package 'chromium' (apt-get install chromium) or set WINNOW_CHROMIUM to its path.");
    }

    static void Run(string file, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
    }
}
