using System.IO.Compression;
using System.Text;
using DytePS.Testing;
using Xunit;

namespace DytePS.Client.Tests.Adversarial;

/// <summary>Item 5: an API answer is limited in its decompressed size (64 MB unless configured), and past it the call fails clearly.</summary>
public sealed class ResponseSizeTests
{
    /// <summary>Valid JSON: <paramref name="padding"/> bytes of spaces, then an empty list; gzip makes it about a thousandth of that.</summary>
    private static byte[] GzipBomb(int padding)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest))
        {
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var written = 0; written < padding; written += spaces.Length) gzip.Write(spaces, 0, Math.Min(spaces.Length, padding - written));
            gzip.Write(Encoding.UTF8.GetBytes(ScriptedServer.EmptyList));
        }
        return packed.ToArray();
    }

    private static ScriptedServer Answering(byte[] body, params string[] headers) => new(async (_, stream, token) =>
    {
        await ScriptedServer.WriteHeadAsync(stream, "200 OK", body.Length, token, ["Content-Type: application/json", .. headers]);
        await stream.WriteAsync(body, token);
    });

    [Fact]
    public async Task A_compressed_answer_that_expands_past_the_default_limit_fails_clearly()
    {
        var bomb = GzipBomb(80 * 1024 * 1024);
        await using var server = Answering(bomb, "Content-Encoding: gzip");
        using var client = Servers.ClientFor(server);

        var error = await Assert.ThrowsAsync<DyteException>(() => client.Meetings.ListAsync(PageRequest.All, null, default).ToListAsync().Guarded());

        Assert.True(bomb.Length < 1024 * 1024, $"the bomb is {bomb.Length} bytes compressed");
        Assert.Equal(DyteErrorKind.ResponseTooLarge, error.Kind);
        Assert.Contains("more than 64 MB", error.Message);
        Assert.Contains("GET /meetings", error.Message);
    }

    [Fact]
    public async Task The_limit_is_configurable_and_counts_plain_answers_too()
    {
        var body = Encoding.UTF8.GetBytes(new string(' ', 2 * 1024 * 1024) + ScriptedServer.EmptyList);
        await using var server = Answering(body);
        using var client = Servers.ClientFor(server, maxResponseSize: 1024 * 1024);

        var error = await Assert.ThrowsAsync<DyteException>(() => client.Meetings.ListAsync(PageRequest.All, null, default).ToListAsync().Guarded());

        Assert.Equal(DyteErrorKind.ResponseTooLarge, error.Kind);
        Assert.Contains("more than 1 MB", error.Message);
    }

    [Fact]
    public async Task An_answer_within_the_limit_is_read_as_usual()
    {
        await using var server = Answering(GzipBomb(512 * 1024), "Content-Encoding: gzip");
        using var client = Servers.ClientFor(server, maxResponseSize: 1024 * 1024);

        Assert.Empty(await client.Meetings.ListAsync(PageRequest.All, null, default).ToListAsync().Guarded());
    }
}
