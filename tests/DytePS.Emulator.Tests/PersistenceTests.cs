using System.Security.Cryptography;
using System.Text.Json;
using DytePS.Emulator.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;

namespace DytePS.Emulator.Tests;

/// <summary>--data: an emulator on a SQLite file is disposed, a new one opens the same file, and everything is still there.</summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"dyteps-emulator-{Guid.NewGuid():N}.db");

    private EmulatorOptions Options(int seedMeetings = 0) => new() { Port = 0, DataFile = _file, SeedMeetings = seedMeetings };

    [Fact]
    public async Task Every_organization_and_entity_survives_a_restart()
    {
        string[] before;
        string publicKey;
        ReceivedWebhook delivered;
        ApiClient org;
        await using (var receiver = await WebhookReceiver.StartAsync())
        await using (var first = await DyteEmulator.StartAsync(Options()))
        {
            org = await ApiClient.NewOrganizationAsync(new
            {
                account_id = Guid.NewGuid(), flavor = "realtimekit", lifecycle_delay_ms = 0, webhook_retry_delay_ms = 25, requests_per_minute = 0,
            }, first);
            (await org.PostAsync("webhooks", new { name = "receiver", url = receiver.Url, events = new[] { "meeting.started" } })).Expect(201);
            await MakeOneOfEverythingAsync(org);
            (await org.ControlAsync(HttpMethod.Put, $"organizations/{org.OrganizationId}/rate-limit", new { requests_per_minute = 500 })).Expect(200);
            before = await EverythingAsync(org);
            publicKey = await PublicKeyAsync(first);
            delivered = (await Eventually.UntilAsync(() => Task.FromResult(receiver.Received), r => r.Count > 0, "a signed delivery"))[0];
        }

        await using var second = await DyteEmulator.StartAsync(Options());
        var reopened = Reopen(org, second);

        Assert.Equal(before, await EverythingAsync(reopened));
        var settings = (await reopened.ControlAsync(HttpMethod.Get, "organizations")).Json.EnumerateArray().Single(o => o.GetProperty("id").GetString() == org.OrganizationId);
        Assert.Equal((org.AccountId, "realtimekit", 0, 25, 500),
            (settings.GetProperty("account_id").GetString(), settings.GetProperty("flavor").GetString(), settings.GetProperty("lifecycle_delay_ms").GetInt32(),
             settings.GetProperty("webhook_retry_delay_ms").GetInt32(), settings.GetProperty("requests_per_minute").GetInt32()));
        (await reopened.RealtimeKitAsync(HttpMethod.Get, "meetings")).Expect(200);
        // The same signing key: a delivery signed before the restart verifies with the key served after it.
        Assert.Equal(publicKey, await PublicKeyAsync(second));
        using var rsa = RSA.Create();
        rsa.ImportFromPem(await PublicKeyAsync(second));
        Assert.True(rsa.VerifyData(delivered.Body, Convert.FromBase64String(delivered.Header("rtk-signature")), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        // And the data keeps changing and being saved.
        (await reopened.PostAsync("meetings", new { title = "after the restart" })).Expect(201);
    }

    [Fact]
    public async Task An_acknowledged_change_is_in_the_file_before_the_answer_arrives()
    {
        await using var emulator = await DyteEmulator.StartAsync(Options());
        var org = await ApiClient.NewOrganizationAsync(0, emulator);

        var meeting = await org.CreateMeetingAsync("Durable");

        // Read by another connection while the emulator still runs, as after a crash: nothing
        // waits for a graceful stop to reach the file.
        using var connection = new SqliteConnection($"Data Source={_file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT data FROM entities WHERE organization_id = $org AND kind = 'meeting' AND id = $id";
        command.Parameters.AddWithValue("$org", org.OrganizationId);
        command.Parameters.AddWithValue("$id", meeting);
        Assert.Contains("\"title\":\"Durable\"", command.ExecuteScalar() as string);
    }

    [Fact]
    public async Task A_pending_lifecycle_step_resumes_after_a_restart()
    {
        ApiClient org;
        string recording;
        await using (var first = await DyteEmulator.StartAsync(Options()))
        {
            org = await ApiClient.NewOrganizationAsync(400, first);
            var meeting = await org.CreateMeetingAsync();
            recording = (await org.StartRecordingAsync(meeting)).GetProperty("id").GetString()!;
            Assert.Equal("INVOKED", (await org.GetAsync($"recordings/{recording}")).Data.GetProperty("status").GetString());
        }

        await using var second = await DyteEmulator.StartAsync(Options());
        var reopened = Reopen(org, second);

        await Eventually.UntilAsync(async () => (await reopened.GetAsync($"recordings/{recording}")).Expect(200).Data.GetProperty("status").GetString(),
            s => s == "RECORDING", "the recording to start after the restart");
    }

    [Fact]
    public async Task A_reset_and_a_deletion_are_saved_too()
    {
        ApiClient org, other;
        string kept;
        await using (var first = await DyteEmulator.StartAsync(Options()))
        {
            org = await ApiClient.NewOrganizationAsync(0, first);
            other = await ApiClient.NewOrganizationAsync(0, first);
            await MakeOneOfEverythingAsync(org);
            var meeting = await other.CreateMeetingAsync();
            kept = await other.AddParticipantIdAsync(meeting, "kept");
            var gone = await other.AddParticipantIdAsync(meeting, "gone");
            (await other.DeleteAsync($"meetings/{meeting}/participants/{gone}")).Expect(200);
            (await org.ControlAsync(HttpMethod.Post, $"organizations/{org.OrganizationId}/reset")).Expect(204);
        }

        await using var second = await DyteEmulator.StartAsync(Options());

        Assert.Equal(0, (await Reopen(org, second).GetAsync("meetings")).Expect(200).Offsets.Total);
        var meetingId = (await Reopen(other, second).GetAsync("meetings")).Data[0].GetProperty("id").GetString();
        var participants = (await Reopen(other, second).GetAsync($"meetings/{meetingId}/participants")).Expect(200).Data;
        Assert.Equal([kept], participants.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Start_up_organizations_are_seeded_once()
    {
        await using (var first = await DyteEmulator.StartAsync(Options(seedMeetings: 3)))
        {
        }

        await using var second = await DyteEmulator.StartAsync(Options(seedMeetings: 3));
        var demo = second.State.Find(EmulatorOptions.DemoOrganization.Id)!;

        lock (demo.Gate) Assert.Equal(3, demo.Meetings.Count);
        Assert.Equal("9d3e6a1f-2b4c-4d5e-8f70-a1b2c3d4e5f6", demo.AccountId);
    }

    [Fact]
    public async Task The_file_is_sqlite_in_wal_mode_and_a_foreign_file_is_refused()
    {
        await using (var first = await DyteEmulator.StartAsync(Options()))
        {
        }
        using (var connection = new SqliteConnection($"Data Source={_file};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", command.ExecuteScalar());
        }
        var notSqlite = _file + ".txt";
        File.WriteAllText(notSqlite, "this is not a database, it is a text file with enough bytes in it to have a header");
        try
        {
            var error = await Assert.ThrowsAsync<FormatException>(() => DyteEmulator.StartAsync(new EmulatorOptions { Port = 0, DataFile = notSqlite }));
            Assert.Contains("--data", error.Message);
        }
        finally
        {
            File.Delete(notSqlite);
        }
    }

    [Fact]
    public void The_data_file_has_a_flag()
    {
        Assert.Equal("state.db", CommandLine.Parse(["--data", "state.db"])!.DataFile);
        Assert.Null(CommandLine.Parse([])!.DataFile);
        Assert.Contains("--data <file>", CommandLine.Help);
    }

    public void Dispose()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", ".lock" })
            if (File.Exists(_file + suffix)) File.Delete(_file + suffix);
    }

    /// <summary>A meeting with a renamed participant, a deleted one, an ended session, an uploaded recording, a stopped livestream and an edited webhook.</summary>
    private static async Task MakeOneOfEverythingAsync(ApiClient org)
    {
        var meeting = await org.CreateMeetingAsync("Saved");
        (await org.PatchAsync($"meetings/{meeting}", new { title = "Saved and renamed", status = "ACTIVE" })).Expect(200);
        var ann = await org.AddParticipantIdAsync(meeting, "Ann");
        var bob = await org.AddParticipantIdAsync(meeting, "Bob");
        (await org.JoinAsync(meeting, ann)).Expect(200);
        (await org.JoinAsync(meeting, bob)).Expect(200);
        var recording = (await org.StartRecordingAsync(meeting, new { meeting_id = meeting, storage_config = new { type = "aws", bucket = "b", secret = "s" } })).GetProperty("id").GetString();
        (await org.PostAsync($"meetings/{meeting}/livestreams", new { name = "saved" })).Expect(201);
        await org.GetAsync("recordings");
        (await org.PutAsync($"recordings/{recording}", new { action = "pause" })).Expect(200);
        (await org.PatchAsync($"meetings/{meeting}/participants/{ann}", new { name = "Ann Renamed" })).Expect(200);
        (await org.LeaveAsync(meeting, ann)).Expect(200);
        (await org.DeleteAsync($"meetings/{meeting}/participants/{bob}")).Expect(200);
        (await org.PostAsync($"meetings/{meeting}/active-livestream/stop")).Expect(200);
        var webhook = (await org.PostAsync("webhooks", new { name = "w", url = "https://example.com/a", events = new[] { "meeting.ended" } })).Expect(201).Data.GetProperty("id").GetString();
        (await org.PatchAsync($"webhooks/{webhook}", new { name = "w2", url = "https://example.com/b", events = new[] { "meeting.started" } })).Expect(200);
        await org.CreateMeetingAsync("Second");
        // Let every timed step land, so both snapshots show settled states.
        await Eventually.UntilAsync(async () => (await org.GetAsync($"recordings/{recording}")).Data.GetProperty("status").GetString(), s => s == "UPLOADED", "the upload");
        await org.GetAsync("recordings");
    }

    /// <summary>Every list and item the API shows of the organization, as JSON text (durations of live stays cut).</summary>
    private static async Task<string[]> EverythingAsync(ApiClient org)
    {
        var texts = new List<string>();
        var meetings = (await org.GetAsync("meetings?per_page=100")).Expect(200);
        texts.Add(meetings.Text);
        foreach (var meeting in meetings.Data.EnumerateArray().Select(m => m.GetProperty("id").GetString()))
        {
            texts.Add((await org.GetAsync($"meetings/{meeting}/participants?per_page=100")).Text);
            texts.Add((await org.GetAsync($"meetings/{meeting}/livestreams")).Text);
        }
        var sessions = (await org.GetAsync("sessions?per_page=100")).Expect(200);
        texts.Add(sessions.Text);
        foreach (var session in sessions.Data.EnumerateArray().Select(s => s.GetProperty("id").GetString()))
            texts.Add((await org.GetAsync($"sessions/{session}/participants?per_page=100")).Text);
        texts.Add((await org.GetAsync("recordings?per_page=100")).Text);
        texts.Add((await org.GetAsync("webhooks")).Text);
        return texts.ToArray();
    }

    private static ApiClient Reopen(ApiClient org, DyteEmulator emulator) => ApiClient.Existing(emulator, org);

    private static async Task<string> PublicKeyAsync(DyteEmulator emulator)
    {
        var (_, bytes) = await ApiClient.DownloadAsync(new Uri(emulator.Root, ".well-known/webhooks.json").ToString());
        return JsonDocument.Parse(bytes).RootElement.GetProperty("data").GetProperty("publicKey").GetString()!;
    }
}
