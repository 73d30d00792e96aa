using System.Net;
using Winnow.Service.Fetching;
using Winnow.Tests.Cli;

namespace Winnow.Tests.Service;

/// <summary>The service never fetches loopback, private, link-local or metadata addresses, directly or through a redirect.</summary>
public class SsrfTests
{
    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.8.9.10", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("172.16.5.4", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:10.1.1.1", false)]
    [InlineData("2002:7f00:1::", false)]
    [InlineData("64:ff9b::a9fe:a9fe", false)]
    [InlineData("93.184.216.34", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("8.8.8.8", true)]
    [InlineData("2606:4700:4700::1111", true)]
    public void AddressClassification(string address, bool isPublic) =>
        Assert.Equal(isPublic, AddressGuard.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://127.0.0.1:9/")]
    [InlineData("http://localhost:9/")]
    [InlineData("http://[::1]:9/")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://192.168.0.10/admin")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://2130706433/")]
    public async Task PrivateTargetsAreRefused(string url)
    {
        await using var host = new ServiceHost();
        var r = await host.Client.GetAsync("/v1/extract?url=" + Uri.EscapeDataString(url));
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{other}/secret")]
    [InlineData("http://10.1.2.3/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::1]:{other}/")]
    public async Task RedirectToAPrivateTargetIsRefused(string target)
    {
        // the page server is trusted (it stands in for a public site); what it redirects to is not
        using var secret = new TinyHttpServer(_ => TinyResponse.Html("<p>internal secret</p>"));
        var location = target.Replace("{other}", secret.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var site = new TinyHttpServer(_ => new TinyResponse(302, "Found", [], [("Location", location)]));
        await using var host = new ServiceHost(null, site.Port);
        var r = await host.Client.GetAsync("/v1/extract?url=" + Uri.EscapeDataString(site.Url("/story")));
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Empty(secret.Requests);
        Assert.DoesNotContain("internal secret", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AllowPrivateTargetsLetsTheOperatorFetchLocalPages()
    {
        using var local = new TinyHttpServer(_ => TinyResponse.Html("<html><body><h1>Local</h1><p>An intranet page that the operator chose to allow.</p></body></html>"));
        await using var host = new ServiceHost(Winnow.Service.ServiceOptions.Default with { AllowPrivateTargets = true });
        var r = await host.Client.GetAsync("/v1/extract?format=text&url=" + Uri.EscapeDataString(local.Url("/")));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("intranet page", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TooManyRedirectsIs502()
    {
        TinyHttpServer? site = null;
        site = new TinyHttpServer(q => new TinyResponse(302, "Found", [], [("Location", site!.Url(q.Path + "x"))]));
        using (site)
        {
            await using var host = new ServiceHost(Winnow.Service.ServiceOptions.Default with { MaxRedirects = 3 }, site.Port);
            var r = await host.Client.GetAsync("/v1/extract?url=" + Uri.EscapeDataString(site.Url("/r")));
            Assert.Equal(HttpStatusCode.BadGateway, r.StatusCode);
            Assert.Equal(4, site.Requests.Count);
        }
    }
}
