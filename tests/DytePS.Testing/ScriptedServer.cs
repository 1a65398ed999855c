using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DytePS.Testing;

/// <summary>One request as a <see cref="ScriptedServer"/> read it: request line, headers (names lower-case), body.</summary>
public sealed record ScriptedRequest(string Method, string Target, IReadOnlyDictionary<string, List<string>> Headers, string Body)
{
    /// <summary>The path without the query.</summary>
    public string Path => Target.Split('?')[0];

    public string? Query(string name) =>
        Target.Split('?').Skip(1).SelectMany(q => q.Split('&')).Select(p => p.Split('=', 2))
            .Where(p => p[0] == name).Select(p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : "")).FirstOrDefault();

    public bool Has(string header) => Headers.ContainsKey(header.ToLowerInvariant());
}

/// <summary>
/// A misbehaving HTTP/1.1 server on 127.0.0.1 for the client's adversarial tests: each request is
/// answered by a script that writes raw bytes to the socket, so it can lie about Content-Length,
/// trickle a body, never answer, redirect anywhere or send a compressed bomb, which no real server
/// framework lets a test do. One request per connection (the answer closes it).
/// </summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<ScriptedRequest, Stream, CancellationToken, Task> _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ScriptedRequest> _requests = new();
    private readonly ConcurrentBag<Task> _connections = [];
    private readonly Task _accepting;

    /// <param name="answer">Writes the response for one request; the connection closes when it returns.</param>
    public ScriptedServer(Func<ScriptedRequest, Stream, CancellationToken, Task> answer)
    {
        _answer = answer;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>http://127.0.0.1:port</summary>
    public Uri Root => new($"http://127.0.0.1:{Port}");

    /// <summary>The same server by another host name (localhost): another host to a client that compares hosts.</summary>
    public Uri OtherHostRoot => new($"http://localhost:{Port}");

    /// <summary>http://127.0.0.1:port/v2, the shape of the API root.</summary>
    public Uri ApiBaseUri => new(Root, "/v2");

    public IReadOnlyList<ScriptedRequest> Requests => _requests.ToList();

    /// <summary>Fires when a request has been read, before it is answered.</summary>
    public event Action<ScriptedRequest>? Received;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient socket;
            try { socket = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _connections.Add(ServeAsync(socket));
        }
    }

    private async Task ServeAsync(TcpClient socket)
    {
        using (socket)
        {
            try
            {
                var stream = socket.GetStream();
                var request = await ReadRequestAsync(stream, _stop.Token);
                if (request is null) return;
                _requests.Enqueue(request);
                Received?.Invoke(request);
                await _answer(request, stream, _stop.Token);
                await stream.FlushAsync(_stop.Token);
            }
            catch (Exception) { /* the client went away or the server is stopping: both are expected here */ }
        }
    }

    private static async Task<ScriptedRequest?> ReadRequestAsync(Stream stream, CancellationToken token)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(one, token) == 0) return null;
            head.Add(one[0]);
        }
        var lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n");
        var start = lines[0].Split(' ');
        var headers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var colon = line.IndexOf(':');
            var name = line[..colon].Trim().ToLowerInvariant();
            if (!headers.TryGetValue(name, out var values)) headers[name] = values = [];
            values.Add(line[(colon + 1)..].Trim());
        }
        var length = headers.TryGetValue("content-length", out var lengths) ? int.Parse(lengths[0]) : 0;
        var body = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = await stream.ReadAsync(body.AsMemory(read), token);
            if (n == 0) break;
            read += n;
        }
        return new ScriptedRequest(start[0], start[1], headers, Encoding.UTF8.GetString(body, 0, read));
    }

    private static bool EndsWithBlankLine(List<byte> head) =>
        head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';

    /// <summary>Writes a complete response with a correct Content-Length.</summary>
    public static async Task WriteAsync(Stream stream, string status, string body, CancellationToken token, params string[] headers)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        await WriteHeadAsync(stream, status, bytes.Length, token, ["Content-Type: application/json", .. headers]);
        await stream.WriteAsync(bytes, token);
    }

    /// <summary>Writes the status line and headers; <paramref name="contentLength"/> null sends none.</summary>
    public static async Task WriteHeadAsync(Stream stream, string status, long? contentLength, CancellationToken token, params string[] headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status}\r\nConnection: close\r\n");
        if (contentLength.HasValue) head.Append($"Content-Length: {contentLength}\r\n");
        foreach (var header in headers) head.Append(header).Append("\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), token);
        await stream.FlushAsync(token);
    }

    /// <summary>Sends one byte every <paramref name="interval"/> until the server stops: a body that never ends, but is never silent.</summary>
    public static async Task TrickleAsync(Stream stream, TimeSpan interval, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            await stream.WriteAsync(" "u8.ToArray(), token);
            await stream.FlushAsync(token);
            await Task.Delay(interval, token);
        }
    }

    /// <summary>Holds the connection open without a word until the server stops.</summary>
    public static Task HangAsync(CancellationToken token) => Task.Delay(Timeout.Infinite, token);

    /// <summary>The envelope of an empty list, enough to let Connect-Dyte's check pass.</summary>
    public const string EmptyList = """{"success":true,"data":[],"paging":{"total_count":0,"start_offset":0,"end_offset":0}}""";

    private int _disposed;

    /// <summary>Stops the server and ends every answer in progress; safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _stop.Cancel();
        _listener.Stop();
        try { await _accepting; } catch (Exception) { /* stopped */ }
        try { await Task.WhenAll(_connections).WaitAsync(TimeSpan.FromSeconds(10)); } catch (Exception) { /* stopped */ }
        _stop.Dispose();
    }
}
