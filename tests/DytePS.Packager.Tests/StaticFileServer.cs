using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace DytePS.Packager.Tests;

/// <summary>Serves the files of one folder over HTTP on 127.0.0.1 (a stand-in for the release's download URL) and records what was asked for.</summary>
internal sealed class StaticFileServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _folder;
    private readonly Task _loop;

    public StaticFileServer(string folder)
    {
        _folder = folder;
        // A free port: the system picks one for a socket, which is closed again for the listener.
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Root = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/help/");
            probe.Stop();
        }
        _listener.Prefixes.Add(Root.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>http://127.0.0.1:port/help/</summary>
    public Uri Root { get; }

    /// <summary>The file names asked for, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            var name = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath[Root.AbsolutePath.Length..]);
            Requests.Enqueue(name);
            var path = Path.Combine(_folder, name);
            using var response = context.Response;
            if (name.Contains('/') || name.Contains('\\') || !File.Exists(path))
            {
                response.StatusCode = 404;
                continue;
            }
            var bytes = await File.ReadAllBytesAsync(path);
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(10)); } catch (AggregateException) { }
    }
}
