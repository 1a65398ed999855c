using DytePS.Testing;
using Xunit;

namespace DytePS.Client.Tests.Adversarial;

/// <summary>
/// Item 3: every read of a download (headers, body, error body) is bounded in time and size and
/// ends when the caller cancels, whatever the download host does.
/// </summary>
public sealed class DownloadBoundsTests
{
    private static Recording Uploaded(ScriptedServer host, string path = "/file.mp4") =>
        new() { Id = Guid.NewGuid(), Status = "UPLOADED", DownloadUrl = new Uri(host.Root, path + "?X-Amz-Signature=s3cr3t").ToString() };

    /// <summary>500 with a Content-Length of 100 MB, then one byte every 100 ms: never silent, never done.</summary>
    private static ScriptedServer TricklingError() => new(async (_, stream, token) =>
    {
        await ScriptedServer.WriteHeadAsync(stream, "500 Internal Server Error", 100L * 1024 * 1024, token, "Content-Type: text/plain");
        await ScriptedServer.TrickleAsync(stream, TimeSpan.FromMilliseconds(100), token);
    });

    [Fact]
    public async Task A_trickled_error_body_ends_within_the_timeout_as_the_status_error()
    {
        await using var host = TricklingError();
        using var client = Servers.ClientFor(host, timeout: TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<DyteException>(() => client.Recordings.DownloadAsync(Uploaded(host), Stream.Null, null, default).Guarded());

        Assert.Equal(DyteErrorKind.HttpStatus, error.Kind);
        Assert.Equal(500, error.StatusCode);
        Assert.DoesNotContain("s3cr3t", error.ToString());
    }

    [Fact]
    public async Task Cancelling_ends_the_read_of_a_trickled_error_body()
    {
        await using var host = TricklingError();
        using var client = Servers.ClientFor(host, timeout: TimeSpan.FromSeconds(120));
        using var cancel = new CancellationTokenSource();
        host.Received += _ => cancel.CancelAfter(300);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Recordings.DownloadAsync(Uploaded(host), Stream.Null, null, cancel.Token).Guarded());
    }

    [Fact]
    public async Task A_host_that_never_answers_times_out()
    {
        await using var host = new ScriptedServer((_, _, token) => ScriptedServer.HangAsync(token));
        using var client = Servers.ClientFor(host, timeout: TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<DyteException>(() => client.Recordings.DownloadAsync(Uploaded(host), Stream.Null, null, default).Guarded());

        Assert.Equal(DyteErrorKind.Timeout, error.Kind);
        Assert.Contains("1 s", error.Message);
    }

    [Fact]
    public async Task A_huge_error_body_is_read_only_up_to_its_limit()
    {
        // 500 with 10 MB of JSON-looking text that arrives at once: the error is built from the first 64 KB.
        await using var host = new ScriptedServer(async (_, stream, token) =>
        {
            var body = "{\"message\":\"" + new string('x', 10 * 1024 * 1024) + "\"}";
            await ScriptedServer.WriteAsync(stream, "500 Internal Server Error", body, token);
        });
        using var client = Servers.ClientFor(host, timeout: TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<DyteException>(() => client.Recordings.DownloadAsync(Uploaded(host), Stream.Null, null, default).Guarded());

        Assert.Equal(500, error.StatusCode);
        Assert.True(error.Message.Length < 70 * 1024, $"the error message is {error.Message.Length} characters long");
    }
}
