using DytePS.Emulator.Tests.Support;
using DytePS.Emulator.Persistence;
using DytePS.Testing;
using Xunit;

namespace DytePS.Emulator.Tests;

/// <summary>
/// One data file, one emulator: a second emulator on the same <c>--data</c> file would overwrite
/// the first one's acknowledged writes, so it refuses to start while the first runs.
/// </summary>
public sealed class DataFileLockTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"dyteps-lock-{Guid.NewGuid():N}.db");

    private EmulatorOptions Options() => new() { Port = 0, DataFile = _file };

    [Fact]
    public async Task A_second_emulator_on_the_same_data_file_does_not_start_and_the_first_keeps_its_data()
    {
        await using var first = await DyteEmulator.StartAsync(Options());
        var org = await ApiClient.NewOrganizationAsync(0, first);
        var meeting = await org.CreateMeetingAsync("kept");

        var error = await Assert.ThrowsAsync<DataFileInUseException>(() => DyteEmulator.StartAsync(Options()));

        Assert.Contains(_file, error.Message);
        Assert.Contains("in use", error.Message);
        (await org.GetAsync($"meetings/{meeting}")).Expect(200);
        (await org.PostAsync("meetings", new { title = "still writable" })).Expect(201);
    }

    [Fact]
    public async Task The_data_file_is_free_again_once_the_emulator_stops()
    {
        ApiClient org;
        await using (var first = await DyteEmulator.StartAsync(Options()))
        {
            org = await ApiClient.NewOrganizationAsync(0, first);
            await org.CreateMeetingAsync();
        }

        await using var second = await DyteEmulator.StartAsync(Options());

        Assert.Equal(1, (await ApiClient.Existing(second, org).GetAsync("meetings")).Expect(200).Offsets.Total);
    }

    [Fact]
    public async Task The_command_line_emulator_exits_with_code_3_and_one_line_when_the_data_file_is_in_use()
    {
        await using var first = await DyteEmulator.StartAsync(Options());
        var emulatorDll = typeof(DyteEmulator).Assembly.Location;

        var result = await DotnetProcess.RunAsync([emulatorDll, "--port", "0", "--data", _file], TimeSpan.FromSeconds(60));

        Assert.False(result.TimedOut, result.Errors);
        Assert.Equal(3, result.ExitCode);
        var line = Assert.Single(result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(_file, line);
        Assert.Contains("in use", line);
    }

    [Fact]
    public void The_help_and_the_docs_say_one_emulator_per_file_and_exit_code_3()
    {
        Assert.Contains("One emulator per file: a second one exits with code 3.", CommandLine.Help);
        Assert.Contains("exits with code **3**", File.ReadAllText(RepoPaths.InRepo("docs", "emulator.md")));
    }

    public void Dispose()
    {
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm", _file + ".lock" })
            if (File.Exists(path)) File.Delete(path);
    }
}
