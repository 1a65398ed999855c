using System.Collections;
using System.Net;
using System.Text;

namespace DytePS.Tests.WebhookReceivers;

/// <summary>
/// A webhook endpoint on a free loopback port, as a customer's receiver would be: it takes one
/// delivery, answers 200, and hands back the body and headers exactly as they arrived.
/// </summary>
internal sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();

    public WebhookReceiver(string path)
    {
        var port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        Url = $"http://127.0.0.1:{port}/{path}";
    }

    /// <summary>The URL to register as the webhook's.</summary>
    public string Url { get; }

    /// <summary>Runs <paramref name="trigger"/> (which makes the emulator deliver) and returns the next delivery.</summary>
    public async Task<(string Body, Hashtable Headers)> ReceiveAsync(Func<Task> trigger)
    {
        var received = _listener.GetContextAsync();
        await trigger();
        var context = await received.WaitAsync(TimeSpan.FromSeconds(20));
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (string name in context.Request.Headers) headers[name] = context.Request.Headers[name];
        context.Response.StatusCode = 200;
        context.Response.Close();
        return (body, headers);
    }

    public void Dispose() => _listener.Close();

    private static int FreePort()
    {
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
