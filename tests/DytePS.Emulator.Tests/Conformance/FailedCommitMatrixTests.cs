using DytePS.Testing;
using System.Text.Json;
using DytePS.Emulator.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;

namespace DytePS.Emulator.Tests.Conformance;

/// <summary>
/// Every operation that writes, with a valid request, while another process holds the data file's
/// write lock: each answers 503 (but regenerateParticipantToken, which stores nothing) in the error envelope and leaves the organization exactly as it
/// was, and each succeeds once the file is free again (docs/emulator.md, Persistence).
/// </summary>
public sealed class FailedCommitMatrixTests(FailedCommitMatrixTests.DataFileEmulator fixture) : IClassFixture<FailedCommitMatrixTests.DataFileEmulator>
{
    /// <summary>One emulator on a data file for the whole matrix: each case has its own organization, and the cases of a class run one at a time.</summary>
    public sealed class DataFileEmulator : IAsyncLifetime
    {
        public string File { get; } = Path.Combine(Path.GetTempPath(), $"dyteps-matrix-{Guid.NewGuid():N}.db");

        public DyteEmulator Emulator { get; private set; } = null!;

        public async Task InitializeAsync() => Emulator = await DyteEmulator.StartAsync(new EmulatorOptions
        {
            Port = 0, DataFile = File, DataFileBusyTimeout = TimeSpan.FromMilliseconds(100),
        });

        public async Task DisposeAsync()
        {
            await Emulator.DisposeAsync();
            foreach (var suffix in new[] { "", "-wal", "-shm", ".lock" })
                if (System.IO.File.Exists(File + suffix)) System.IO.File.Delete(File + suffix);
        }
    }

    /// <summary>Not writes, though not GETs: a new token is signed, nothing is stored, so nothing waits for the file.</summary>
    private static readonly string[] StoresNothing = ["regenerateParticipantToken"];

    public static IEnumerable<object[]> Writes =>
        OpenApiContract.Operations.Where(o => o.Method != "GET").Select(o => new object[] { o.Id });

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_write_whose_commit_fails_is_503_and_changes_nothing(string operationId)
    {
        var operation = OpenApiContract.Operation(operationId);
        var world = await ConformanceWorld.CreateAsync(emulator: fixture.Emulator);
        var path = operation.Fill(p => world.PathValue(operation, p));
        var body = world.ValidBody(operation);
        // Twice: lifecycle steps due with a delay of 0 are applied by the first reads.
        await EverythingAsync(world);
        var before = await EverythingAsync(world);

        Reply refused;
        using (HoldWriteLock())
        {
            refused = await world.CallAsync(operation, path, body);
        }

        if (StoresNothing.Contains(operationId))
        {
            ConformanceWorld.Check(operation, refused, operation.SuccessStatus);
        }
        else
        {
            refused.Expect(503);
            Assert.Equal((false, 503), (refused.Json.GetProperty("success").GetBoolean(), refused.Json.GetProperty("error").GetProperty("code").GetInt32()));
        }
        Assert.Equal(before, await EverythingAsync(world));
        ConformanceWorld.Check(operation, await world.CallAsync(operation, path, body), operation.SuccessStatus);
    }

    [Fact]
    public void Every_write_operation_is_in_the_matrix()
    {
        Assert.Equal(13, Writes.Count());
    }

    /// <summary>Every entity of the world, by id with its status, title or name (not times, which move).</summary>
    private static async Task<string[]> EverythingAsync(ConformanceWorld world)
    {
        var meeting = world.Ids["meetingId"];
        var lists = new[]
        {
            "meetings?per_page=100", $"meetings/{meeting}/participants?per_page=100", "sessions?per_page=100",
            $"sessions/{world.Ids["sessionId"]}/participants?per_page=100", "recordings?per_page=100",
            $"meetings/{meeting}/livestreams", $"meetings/{world.SpareMeetingId}/livestreams", "webhooks",
        };
        var summary = new List<string>();
        foreach (var list in lists)
        {
            var reply = (await world.Org.GetAsync(list)).Expect(200);
            summary.AddRange(reply.Data.EnumerateArray().Select(e => list + " " + Summary(e)));
        }
        return [.. summary];
    }

    private static string Summary(JsonElement entity) => string.Join(" ",
        new[] { "id", "status", "title", "name", "preset_name", "url", "custom_participant_id" }
            .Where(p => entity.TryGetProperty(p, out var v) && v.ValueKind == JsonValueKind.String)
            .Select(p => $"{p}={entity.GetProperty(p).GetString()}"));

    private SqliteConnection HoldWriteLock()
    {
        var connection = new SqliteConnection($"Data Source={fixture.File};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "BEGIN EXCLUSIVE; INSERT INTO settings (key, value) VALUES ('held-by-test', 'x') ON CONFLICT (key) DO NOTHING;";
        command.ExecuteNonQuery();
        return connection;
    }
}
