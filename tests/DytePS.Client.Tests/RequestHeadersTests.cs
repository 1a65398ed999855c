using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace DytePS.Client.Tests;

/// <summary>
/// What goes on the wire, read by a bare TCP server (the emulator does not keep headers): the
/// credential, Accept and User-Agent exactly once each, whatever RestSharp would add by itself.
/// </summary>
public sealed class RequestHeadersTests
{
    [Fact]
    public async Task Sends_the_credential_json_accept_and_user_agent_once_each()
    {
        await using var server = OneShotServer.Start("200 OK", """{"success":true,"data":{"id":"6c9e5a1e-0000-4000-8000-000000000001","title":"Wire"}}""");
        using var client = ClientFactory.For(server.BaseUri, "org-1", "key-1");

        var meeting = await client.Meetings.GetAsync(Guid.Parse("6c9e5a1e-0000-4000-8000-000000000001"), default);

        var headers = await server.RequestHeadersAsync();
        Assert.Equal("Wire", meeting.Title);
        Assert.Equal(["Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("org-1:key-1"))], headers["authorization"]);
        Assert.Equal(["application/json"], headers["accept"]);
        Assert.Single(headers["user-agent"]);
        Assert.StartsWith("DytePS", headers["user-agent"][0]);
    }

    [Fact]
    public async Task Reads_retry_after_on_a_refusal()
    {
        await using var server = OneShotServer.Start("429 Too Many Requests", """{"success":false,"error":{"code":429,"message":"slow down"}}""", "Retry-After: 7");
        using var client = ClientFactory.For(server.BaseUri, "org-1", "key-1", retry: new DyteRetryOptions { MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<DyteException>(() => client.Meetings.GetAsync(Guid.NewGuid(), default));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Contains("slow down", error.Message);
    }

    /// <summary>Answers one request with a fixed response and keeps the request's headers.</summary>
    private sealed class OneShotServer : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly Task<Dictionary<string, List<string>>> _served;

        private OneShotServer(TcpListener listener, string status, string body, string extraHeader)
        {
            _listener = listener;
            _served = ServeAsync(status, body, extraHeader);
        }

        public Uri BaseUri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v2");

        public static OneShotServer Start(string status, string body, string extraHeader = "")
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return new OneShotServer(listener, status, body, extraHeader);
        }

        public Task<Dictionary<string, List<string>>> RequestHeadersAsync() => _served.WaitAsync(TimeSpan.FromSeconds(30));

        private async Task<Dictionary<string, List<string>>> ServeAsync(string status, string body, string extraHeader)
        {
            using var socket = await _listener.AcceptTcpClientAsync();
            var stream = socket.GetStream();
            var reader = new StreamReader(stream, Encoding.ASCII);
            var headers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            await reader.ReadLineAsync(); // request line
            while (await reader.ReadLineAsync() is { Length: > 0 } line)
            {
                var colon = line.IndexOf(':');
                var name = line[..colon].Trim().ToLowerInvariant();
                if (!headers.TryGetValue(name, out var values)) headers[name] = values = [];
                values.Add(line[(colon + 1)..].Trim());
            }
            var bytes = Encoding.UTF8.GetBytes(body);
            var head = $"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n"
                + (extraHeader.Length > 0 ? extraHeader + "\r\n" : "") + "\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(bytes);
            return headers;
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            try { await _served; } catch (Exception) { /* a test that failed early leaves the accept pending */ }
        }
    }
}
