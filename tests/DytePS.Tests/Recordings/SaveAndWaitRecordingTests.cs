using System.Security.Cryptography;
using Xunit;

namespace DytePS.Tests.Recordings;

public class SaveAndWaitRecordingTests : EngineTest, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dyteps-archive-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void StartRecording(string prefix = "standup")
    {
        Shell.SetVariable("m", Run("New-DyteMeeting -Title Archive").ThrowIfFailed().Meetings()[0].Id());
        Shell.SetVariable("archive", _folder);
        Run($"$r = Start-DyteRecording -MeetingId $m -FileNamePrefix {prefix}").ThrowIfFailed();
    }

    [Fact]
    public async Task Stop_Wait_Save_archives_the_file_in_one_pipeline()
    {
        StartRecording();

        var result = Run("$r | Stop-DyteRecording -Force | Wait-DyteRecording -PollIntervalSec 0.05 | Save-DyteRecording -Path $archive").ThrowIfFailed();

        var file = Assert.IsType<FileInfo>(Assert.Single(result.Output).BaseObject);
        Assert.Equal(_folder, file.DirectoryName);
        Assert.StartsWith("standup", file.Name);
        Assert.Equal([file.Name], Directory.GetFiles(_folder).Select(Path.GetFileName));
        var recording = Run("$r | Get-DyteRecording").ThrowIfFailed().Typed("DytePS.Recording")[0];
        using var http = new HttpClient();
        var served = await http.GetByteArrayAsync(recording.Str("DownloadUrl"));
        Assert.Equal(recording.Get<long>("FileSize"), file.Length);
        Assert.Equal(SHA256.HashData(served), SHA256.HashData(await File.ReadAllBytesAsync(file.FullName)));
    }

    [Fact]
    public void An_existing_file_is_skipped_unless_Force()
    {
        StartRecording();
        Run("$r | Stop-DyteRecording -Force | Wait-DyteRecording -PollIntervalSec 0.05 | Out-Null").ThrowIfFailed();
        var target = Path.Combine(_folder, "kept.mp4");
        Shell.SetVariable("target", target);
        File.WriteAllText(target, "older copy");

        var skipped = Run("$r | Save-DyteRecording -Path $target -Verbose").ThrowIfFailed();
        Assert.Equal("older copy", File.ReadAllText(target));
        Assert.Contains(skipped.Verbose, v => v.Contains("skipped"));
        Assert.Equal(target, Assert.IsType<FileInfo>(Assert.Single(skipped.Output).BaseObject).FullName);

        Run("$r | Save-DyteRecording -Path $target -Force").ThrowIfFailed();
        Assert.NotEqual("older copy", File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void A_recording_still_running_cannot_be_saved_and_leaves_no_file()
    {
        StartRecording();

        var error = Assert.Single(Run("$r | Save-DyteRecording -Path $archive").Errors);

        Assert.Equal("DyteRecordingNotReady,DytePS.Commands.SaveDyteRecordingCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Wait-DyteRecording", error.ToString());
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void WhatIf_downloads_nothing()
    {
        StartRecording();
        Run("$r | Stop-DyteRecording -Force | Wait-DyteRecording -PollIntervalSec 0.05 | Out-Null").ThrowIfFailed();

        Run("$r | Save-DyteRecording -Path $archive -WhatIf").ThrowIfFailed();

        Assert.Contains("What if:", Shell.Host.Text);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Wait_times_out_with_a_clear_error_while_the_recording_keeps_running()
    {
        StartRecording();

        var result = Run("$r | Wait-DyteRecording -TimeoutSec 1 -PollIntervalSec 0.1");

        var error = Assert.Single(result.Errors);
        Assert.Equal("DyteWaitTimeout,DytePS.Commands.WaitDyteRecordingCommand", error.FullyQualifiedErrorId);
        Assert.Contains("RECORDING", error.ToString());
        Assert.Empty(result.Output);
    }
}
