using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Winnow.Tests.Cli;

/// <summary>A request as the server received it.</summary>
public sealed record TinyRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers);

/// <summary>A canned response; <see cref="Delay"/> is waited before anything is sent.</summary>
public sealed record TinyResponse(int Status, string Reason, byte[] Body, IReadOnlyList<(string Name, string Value)>? Headers = null, TimeSpan Delay = default)
{
    public static TinyResponse Html(string html, string contentType = "text/html; charset=utf-8") =>
        new(200, "OK", Encoding.UTF8.GetBytes(html), [("Content-Type", contentType)]);
}

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (a free port), one request per connection
/// (<c>Connection: close</c>), so tests can fetch pages without the network.
/// </summary>
public sealed class TinyHttpServer : IDisposable
{
    readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    readonly CancellationTokenSource _stop = new();
    readonly Func<TinyRequest, TinyResponse> _handler;
    readonly Task _loop;

    public TinyHttpServer(Func<TinyRequest, TinyResponse> handler)
    {
        _handler = handler;
        _listener.Start();
        _loop = Task.Run(AcceptLoop);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public ConcurrentQueue<TinyRequest> Requests { get; } = new();

    async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(() => Serve(client));
        }
    }

    async Task Serve(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequest(stream);
                if (request is null) return;
                Requests.Enqueue(request);
                var response = _handler(request);
                if (response.Delay > TimeSpan.Zero) await Task.Delay(response.Delay, _stop.Token);
                var head = new StringBuilder($"HTTP/1.1 {response.Status} {response.Reason}\r\n");
                var headers = response.Headers ?? [];
                foreach (var (name, value) in headers) head.Append(name).Append(": ").Append(value).Append("\r\n");
                if (!headers.Any(h => h.Name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
                    head.Append("Content-Length: ").Append(response.Body.Length).Append("\r\n");
                head.Append("Connection: close\r\n\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token);
                await stream.WriteAsync(response.Body, _stop.Token);
                await stream.FlushAsync(_stop.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away (e.g. it refused the response); nothing to do.
            }
        }
    }

    static async Task<TinyRequest?> ReadRequest(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        // Headers end at the first blank line; requests from HttpClient GET have no body.
        while (buffer.Count < 4 || !(buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0) return null;
            buffer.Add(one[0]);
        }
        var lines = Encoding.ASCII.GetString(buffer.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var parts = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        return new TinyRequest(parts[0], parts[1], headers);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _stop.Dispose();
    }
}
