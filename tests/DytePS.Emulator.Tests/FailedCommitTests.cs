using DytePS.Emulator.State;
using DytePS.Emulator.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DytePS.Emulator.Tests;

/// <summary>
/// With <c>--data</c>, a write is acknowledged only once it is in the file: when the file cannot
/// be written (another process holds its write lock here, through a second SQLite connection), the
/// write answers 503 in the error envelope and leaves the organization exactly as it was; and
/// reads of the organization are served meanwhile, without waiting for that commit and without
/// the write it has not committed yet.
/// </summary>
public sealed class FailedCommitTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"dyteps-commit-{Guid.NewGuid():N}.db");
    private readonly TaskCompletionSource _commitStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _watched;

    [Fact]
    public async Task A_write_that_cannot_be_committed_answers_503_and_changes_nothing()
    {
        await using var emulator = await StartAsync(TimeSpan.FromMilliseconds(250));
        var org = await ApiClient.NewOrganizationAsync(0, emulator);
        var meeting = await org.CreateMeetingAsync("before");

        Reply created, renamed;
        using (HoldWriteLock())
        {
            created = await org.PostAsync("meetings", new { title = "never saved" });
            renamed = await org.PatchAsync($"meetings/{meeting}", new { title = "never saved either" });
        }

        created.Expect(503);
        renamed.Expect(503);
        Assert.Equal((false, 503), (created.Json.GetProperty("success").GetBoolean(), created.Json.GetProperty("error").GetProperty("code").GetInt32()));
        Assert.Contains("data file", created.ErrorMessage);
        var meetings = (await org.GetAsync("meetings")).Expect(200);
        Assert.Equal(1, meetings.Offsets.Total);
        Assert.Equal("before", meetings.Data[0].GetProperty("title").GetString());
        // Once the file is free again, writes go through and are kept.
        (await org.PostAsync("meetings", new { title = "after" })).Expect(201);
        await emulator.DisposeAsync();
        await using var reopened = await DyteEmulator.StartAsync(new EmulatorOptions { Port = 0, DataFile = _file });
        var titles = (await ApiClient.Existing(reopened, org).GetAsync("meetings")).Expect(200).Data.EnumerateArray().Select(m => m.GetProperty("title").GetString());
        Assert.Equal(["before", "after"], titles);
    }

    [Fact]
    public async Task Creating_an_organization_or_setting_its_rate_limit_while_the_file_is_locked_is_503_and_changes_nothing()
    {
        await using var emulator = await StartAsync(TimeSpan.FromMilliseconds(250));
        var org = await ApiClient.NewOrganizationAsync(0, emulator);
        var id = Guid.NewGuid().ToString();

        Reply created, limited;
        using (HoldWriteLock())
        {
            created = await org.ControlAsync(HttpMethod.Post, "organizations", new { id });
            limited = await org.ControlAsync(HttpMethod.Put, $"organizations/{org.OrganizationId}/rate-limit", new { requests_per_minute = 7 });
        }

        created.Expect(503);
        limited.Expect(503);
        var organizations = (await org.ControlAsync(HttpMethod.Get, "organizations")).Expect(200).Json.EnumerateArray().ToList();
        Assert.DoesNotContain(organizations, o => o.GetProperty("id").GetString() == id);
        Assert.Equal(0, organizations.Single(o => o.GetProperty("id").GetString() == org.OrganizationId).GetProperty("requests_per_minute").GetInt32());
        (await org.ControlAsync(HttpMethod.Post, "organizations", new { id })).Expect(201);
    }

    [Fact]
    public async Task A_read_does_not_wait_for_another_requests_commit_nor_see_its_write()
    {
        // Long enough that a read waiting for the commit would trip the hang guard below.
        await using var emulator = await StartAsync(TimeSpan.FromSeconds(60));
        var org = await ApiClient.NewOrganizationAsync(0, emulator);
        var meeting = await org.CreateMeetingAsync("before");
        _watched = org.OrganizationId;

        Task<Reply> write;
        Reply read, one;
        using (HoldWriteLock())
        {
            write = org.PostAsync("meetings", new { title = "waiting for the file" });
            await _commitStarted.Task.WaitAsync(TimeSpan.FromSeconds(20));

            read = await org.GetAsync("meetings").WaitAsync(TimeSpan.FromSeconds(20));
            one = await org.GetAsync($"meetings/{meeting}").WaitAsync(TimeSpan.FromSeconds(20));
            Assert.False(write.IsCompleted);
        }

        // Served, and without the write that is not in the file yet.
        Assert.Equal(1, read.Expect(200).Offsets.Total);
        Assert.Equal("before", one.Expect(200).Data.GetProperty("title").GetString());
        var created = (await write.WaitAsync(TimeSpan.FromSeconds(20))).Expect(201);
        var meetings = (await org.GetAsync("meetings")).Expect(200);
        Assert.Equal(2, meetings.Offsets.Total);
        Assert.Equal(created.Data.GetProperty("id").GetString(), meetings.Data[1].GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_read_does_not_wait_for_a_locked_file_to_save_its_own_lifecycle_steps()
    {
        await using var emulator = await StartAsync(TimeSpan.FromSeconds(60));
        var org = await ApiClient.NewOrganizationAsync(1000, emulator);
        var meeting = await org.CreateMeetingAsync();
        var recording = (await org.StartRecordingAsync(meeting)).GetProperty("id").GetString();
        var due = DateTime.UtcNow.AddMilliseconds(1100);

        Reply read;
        using (HoldWriteLock())
        {
            // INVOKED -> RECORDING is due now; saving it would have to wait for the file.
            await Eventually.UntilAsync(() => DateTime.UtcNow > due, "the lifecycle step to be due");
            read = await org.GetAsync($"recordings/{recording}").WaitAsync(TimeSpan.FromSeconds(20));
        }

        // Served at once, as the file has it: the step stays due and happens once the file is free.
        Assert.Equal("INVOKED", read.Expect(200).Data.GetProperty("status").GetString());
        Assert.Equal("RECORDING", (await org.GetAsync($"recordings/{recording}")).Expect(200).Data.GetProperty("status").GetString());
    }

    /// <summary>An emulator on the data file whose store tells the test when a commit with changes of the watched organization begins.</summary>
    private Task<DyteEmulator> StartAsync(TimeSpan busyTimeout) =>
        DyteEmulator.StartAsync(new EmulatorOptions { Port = 0, DataFile = _file, DataFileBusyTimeout = busyTimeout }, configureServices: services =>
        {
            var original = services.Last(d => d.ServiceType == typeof(IStateStore));
            services.AddSingleton<IStateStore>(provider => new SignallingStore((IStateStore)original.ImplementationFactory!(provider), this));
        });

    /// <summary>Another connection, as another process would, holding the file's write lock until disposed.</summary>
    private SqliteConnection HoldWriteLock()
    {
        var connection = new SqliteConnection($"Data Source={_file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "BEGIN EXCLUSIVE; INSERT INTO settings (key, value) VALUES ('held-by-test', 'x') ON CONFLICT (key) DO NOTHING;";
        command.ExecuteNonQuery();
        return connection;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", ".lock" })
            if (File.Exists(_file + suffix)) File.Delete(_file + suffix);
    }

    private sealed class SignallingStore(IStateStore inner, FailedCommitTests test) : IStateStore
    {
        public string? GetSetting(string key) => inner.GetSetting(key);
        public void SetSetting(string key, string value) => inner.SetSetting(key, value);
        public void LoadInto(EmulatorState state) => inner.LoadInto(state);
        public void SaveOrganization(Organization organization) => inner.SaveOrganization(organization);

        public void Commit(Organization organization, bool wait = true)
        {
            if (organization.Id == test._watched && !organization.Changes.IsEmpty) test._commitStarted.TrySetResult();
            inner.Commit(organization, wait);
        }

        public void Dispose() => inner.Dispose();
    }
}
