using System.Management.Automation;
using Xunit;

namespace DytePS.Tests.Recordings;

public class RecordingTests : EngineTest
{
    private Guid NewMeeting(string title = "Recorded")
    {
        var id = Run($"New-DyteMeeting -Title '{title}'").ThrowIfFailed().Meetings()[0].Id();
        Shell.SetVariable("m", id);
        return id;
    }

    [Fact]
    public async Task A_recording_goes_through_its_whole_lifecycle()
    {
        var meeting = NewMeeting();

        var started = Run("Start-DyteRecording -MeetingId $m -FileNamePrefix standup -AudioCodec aac -VideoCodec H264 -Width 1280 -Height 720").ThrowIfFailed().Typed("DytePS.Recording")[0];
        Shell.SetVariable("r", started.Id());
        var recording = Run("Get-DyteRecording -MeetingId $m -Active").ThrowIfFailed().Typed("DytePS.Recording")[0];
        var paused = Run("Suspend-DyteRecording -RecordingId $r").ThrowIfFailed().Typed("DytePS.Recording")[0];
        var resumed = Run("Get-DyteRecording -RecordingId $r | Resume-DyteRecording").ThrowIfFailed().Typed("DytePS.Recording")[0];
        var stopped = Run("Stop-DyteRecording -RecordingId $r -Force").ThrowIfFailed().Typed("DytePS.Recording")[0];
        var uploaded = Run("Get-DyteRecording -RecordingId $r").ThrowIfFailed().Typed("DytePS.Recording")[0];

        Assert.Equal(["INVOKED", "RECORDING", "PAUSED", "RECORDING", "UPLOADING", "UPLOADED"],
            new[] { started, recording, paused, resumed, stopped, uploaded }.Select(r => r.Str("Status")));
        Assert.Equal(meeting, uploaded.Get<Guid>("MeetingId"));
        Assert.StartsWith("standup", uploaded.Str("OutputFileName"));
        Assert.StartsWith("http", uploaded.Str("DownloadUrl"));
        var start = Assert.Single(await RequestsAsync(), r => r.Operation == "startRecording");
        Assert.Equal(201, start.Status);
    }

    [Fact]
    public async Task The_meeting_to_active_recording_to_stop_chain_stops_only_running_recordings()
    {
        var recorded = NewMeeting("A");
        Run("Start-DyteRecording -MeetingId $m").ThrowIfFailed();
        NewMeeting("B");
        Shell.Host.ChoiceAnswers.Enqueue(1); // Yes to All

        var result = Run("Get-DyteMeeting | Get-DyteRecording -Active | Stop-DyteRecording").ThrowIfFailed();

        var stopped = Assert.Single(result.Typed("DytePS.Recording"));
        Assert.Equal(recorded, stopped.Get<Guid>("MeetingId"));
        Assert.Equal("UPLOADING", stopped.Str("Status"));
        Assert.Single(Shell.Host.Prompts);
        Assert.Single(await RequestsAsync(), r => r.Operation == "updateRecording");
    }

    [Fact]
    public void Stopping_a_stopped_recording_is_a_conflict_with_the_services_message()
    {
        NewMeeting();
        Run("$r = Start-DyteRecording -MeetingId $m; $r | Stop-DyteRecording -Force").ThrowIfFailed();

        var error = Assert.Single(Run("$r | Stop-DyteRecording -Force").Errors);

        Assert.Equal("DyteConflict,DytePS.Commands.StopDyteRecordingCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Contains("409", error.ErrorDetails.Message);
        Assert.Contains("cannot be stopped", error.ErrorDetails.Message);
    }

    [Fact]
    public void Only_one_active_recording_per_meeting()
    {
        NewMeeting();
        Run("Start-DyteRecording -MeetingId $m").ThrowIfFailed();

        var error = Assert.Single(Run("Start-DyteRecording -MeetingId $m").Errors);

        Assert.Equal("DyteConflict,DytePS.Commands.StartDyteRecordingCommand", error.FullyQualifiedErrorId);
    }

    [Fact]
    public async Task Start_WhatIf_and_Stop_WhatIf_send_nothing()
    {
        NewMeeting();
        Run("$r = Start-DyteRecording -MeetingId $m").ThrowIfFailed();
        await Org.ClearRequestsAsync();

        Run("Start-DyteRecording -MeetingId $m -WhatIf; $r | Stop-DyteRecording -Force -WhatIf; $r | Suspend-DyteRecording -WhatIf").ThrowIfFailed();

        Assert.Equal(3, Shell.Host.Text.Split("What if:").Length - 1);
        Assert.Empty(await RequestsAsync());
    }

    [Fact]
    public void Custom_storage_is_sent_but_its_secret_appears_nowhere()
    {
        NewMeeting();
        const string secret = "s3cr3t-storage-key-XYZ";
        Shell.SetVariable("storage", new PSCredential("AKIAEXAMPLE", Secure(secret)));

        var result = Run("Start-DyteRecording -MeetingId $m -StorageType aws -StorageCredential $storage -StorageBucket archive -StorageRegion us-east-1 -StoragePath dyte/ -Verbose -Debug *>&1; Get-DyteRecording -Verbose -Debug *>&1");

        Assert.Empty(result.Errors);
        Assert.Contains(result.Output, o => o.TypeNames[0] == "DytePS.Recording");
        Assert.DoesNotContain(secret, AllText(result));
    }

    [Fact]
    public async Task Recordings_list_pages_and_filters_on_the_service()
    {
        var meeting = NewMeeting();
        Run("Start-DyteRecording -MeetingId $m | Stop-DyteRecording -Force; Start-DyteRecording -MeetingId $m").ThrowIfFailed();
        await Org.ClearRequestsAsync();

        var all = Run("Get-DyteRecording").ThrowIfFailed().Typed("DytePS.Recording");
        var ofMeeting = Run("Get-DyteMeeting | Get-DyteRecording -Status recording").ThrowIfFailed().Typed("DytePS.Recording");

        Assert.Equal(2, all.Count);
        Assert.Equal("RECORDING", Assert.Single(ofMeeting).Str("Status"));
        Assert.Contains(await RequestsAsync(), r => r.ApiPath == $"/recordings?meeting_id={meeting}&status=RECORDING&page_no=1&per_page=100");
    }

    [Fact]
    public void Unknown_recording_and_unknown_meeting_are_not_found_errors()
    {
        Shell.SetVariable("x", Guid.NewGuid());

        var result = Run("Get-DyteRecording -RecordingId $x; Start-DyteRecording -MeetingId $x; Stop-DyteRecording -RecordingId $x -Force");

        Assert.Equal(
            ["DyteNotFound,DytePS.Commands.GetDyteRecordingCommand", "DyteNotFound,DytePS.Commands.StartDyteRecordingCommand", "DyteNotFound,DytePS.Commands.StopDyteRecordingCommand"],
            result.Errors.Select(e => e.FullyQualifiedErrorId));
    }
}
