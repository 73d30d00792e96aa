using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Winnow.Service;
using Winnow.Service.Fetching;

namespace Winnow.Tests.Service;

/// <summary>The service on the ASP.NET test server, with an HTTP client bound to it.</summary>
public sealed class ServiceHost : IAsyncDisposable
{
    public WebApplication App { get; }
    public HttpClient Client { get; }

    /// <param name="options">The service settings (defaults when null).</param>
    /// <param name="trustedPorts">Loopback ports the fetcher may reach (the tests' own page servers), standing in
    /// for public hosts: every other loopback, private or link-local address stays refused.</param>
    public ServiceHost(ServiceOptions? options = null, params int[] trustedPorts)
    {
        options ??= ServiceOptions.Default;
        SafeFetcher? fetcher = trustedPorts.Length == 0 ? null
            : new SafeFetcher(options, ep => AddressGuard.IsPublic(ep.Address) || (IPAddress.IsLoopback(ep.Address) && trustedPorts.Contains(ep.Port)));
        App = WinnowService.Build(options, fetcher, b => b.WebHost.UseTestServer());
        App.StartAsync().GetAwaiter().GetResult();
        Client = App.GetTestClient();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
