namespace DytePS.Tests.Reliability.FaultMatrix;

/// <summary>What kind of request a cmdlet sends, which decides its expected outcome under each fault.</summary>
public enum CaseKind
{
    /// <summary>Reads, or sets absolute values: the same result however often it is sent.</summary>
    Read,

    /// <summary>Creates something: retried only when the service surely did not act (429, connection never opened).</summary>
    Create,

    /// <summary>Deletes: once gone, a repeat finds nothing, which counts as done.</summary>
    Delete,

    /// <summary>Moves a state on (stop, pause, resume): a repeat after the service acted finds it moved already.</summary>
    Transition,
}

/// <summary>One cmdlet invocation of the matrix: the operation it sends, how it is called, and for creates how to count what exists afterwards.</summary>
/// <param name="NeedsBody">False for commands that use only the status of the answer (delete, stop livestream, connect's check).</param>
/// <param name="EmptyAnswerIsFine">Invoke-DyteRequest writes nothing for an empty 2xx body, by design.</param>
/// <param name="RepeatError">For a transition: the error its repeat gets once the service has acted.</param>
public sealed record FaultCase(
    string Name, string Operation, CaseKind Kind, string Command, string? CountCreated = null,
    bool NeedsBody = true, bool EmptyAnswerIsFine = false, string? RepeatError = null)
{
    public override string ToString() => Name;

    public static readonly FaultCase[] All =
    [
        new("Get-DyteMeeting", "listMeetings", CaseKind.Read, "Get-DyteMeeting"),
        new("Get-DyteMeeting -MeetingId", "getMeeting", CaseKind.Read, "Get-DyteMeeting -MeetingId $m.Id"),
        new("New-DyteMeeting", "createMeeting", CaseKind.Create, "New-DyteMeeting -Title Created", "@(Get-DyteMeeting -Search Created).Count"),
        new("Set-DyteMeeting", "updateMeeting", CaseKind.Read, "Set-DyteMeeting -MeetingId $m.Id -Title Renamed -PassThru"),
        new("Get-DyteParticipant", "listParticipants", CaseKind.Read, "Get-DyteParticipant -MeetingId $m.Id"),
        new("Get-DyteParticipant -ParticipantId", "getParticipant", CaseKind.Read, "$p | Get-DyteParticipant"),
        new("New-DyteParticipant", "addParticipant", CaseKind.Create, "New-DyteParticipant -MeetingId $m.Id -PresetName host -Name Created",
            "@(Get-DyteParticipant -MeetingId $m.Id | Where-Object Name -eq Created).Count"),
        new("Set-DyteParticipant", "updateParticipant", CaseKind.Read, "$p | Set-DyteParticipant -Name Renamed -PassThru"),
        new("Remove-DyteParticipant", "deleteParticipant", CaseKind.Delete, "$p2 | Remove-DyteParticipant -Force", NeedsBody: false),
        new("New-DyteParticipantToken", "regenerateParticipantToken", CaseKind.Read, "$p | New-DyteParticipantToken"),
        new("Get-DyteSession", "listSessions", CaseKind.Read, "Get-DyteSession"),
        new("Get-DyteSession -SessionId", "getSession", CaseKind.Read, "$s | Get-DyteSession"),
        new("Get-DyteSession -Active", "getActiveSession", CaseKind.Read, "Get-DyteSession -MeetingId $m.Id -Active"),
        new("Get-DyteSessionParticipant", "listSessionParticipants", CaseKind.Read, "$s | Get-DyteSessionParticipant"),
        new("Get-DyteRecording", "listRecordings", CaseKind.Read, "Get-DyteRecording"),
        new("Get-DyteRecording -RecordingId", "getRecording", CaseKind.Read, "$r | Get-DyteRecording"),
        new("Get-DyteRecording -Active", "getActiveRecording", CaseKind.Read, "Get-DyteRecording -MeetingId $m.Id -Active"),
        new("Start-DyteRecording", "startRecording", CaseKind.Create, "Start-DyteRecording -MeetingId $fresh.Id", "@(Get-DyteRecording -MeetingId $fresh.Id).Count"),
        new("Suspend-DyteRecording", "updateRecording", CaseKind.Transition, "$r | Suspend-DyteRecording", RepeatError: "DyteConflict"),
        new("Resume-DyteRecording", "updateRecording", CaseKind.Transition, "$paused | Resume-DyteRecording", RepeatError: "DyteConflict"),
        new("Stop-DyteRecording", "updateRecording", CaseKind.Transition, "$r | Stop-DyteRecording -Force", RepeatError: "DyteConflict"),
        new("Wait-DyteRecording", "getRecording", CaseKind.Read, "$uploaded | Wait-DyteRecording -PollIntervalSec 0.05"),
        new("Get-DyteLivestream", "listLivestreams", CaseKind.Read, "Get-DyteLivestream -MeetingId $m.Id"),
        new("Get-DyteLivestream -Active", "getActiveLivestream", CaseKind.Read, "Get-DyteLivestream -MeetingId $m.Id -Active"),
        new("Start-DyteLivestream", "startLivestream", CaseKind.Create, "Start-DyteLivestream -MeetingId $fresh.Id", "@(Get-DyteLivestream -MeetingId $fresh.Id).Count"),
        new("Stop-DyteLivestream", "stopLivestream", CaseKind.Transition, "Stop-DyteLivestream -MeetingId $m.Id -Force", NeedsBody: false, RepeatError: "DyteNotFound"),
        new("Get-DyteWebhook", "listWebhooks", CaseKind.Read, "Get-DyteWebhook"),
        new("New-DyteWebhook", "createWebhook", CaseKind.Create, "New-DyteWebhook -Name created -Url https://hooks.example.com/x -Event meeting.ended",
            "@(Get-DyteWebhook | Where-Object Name -eq created).Count"),
        new("Set-DyteWebhook", "updateWebhook", CaseKind.Read, "$w | Set-DyteWebhook -Name renamed -PassThru"),
        new("Remove-DyteWebhook", "deleteWebhook", CaseKind.Delete, "$w | Remove-DyteWebhook -Force", NeedsBody: false),
        new("Invoke-DyteRequest GET", "listMeetings", CaseKind.Read, "Invoke-DyteRequest meetings -All"),
        new("Invoke-DyteRequest POST", "createMeeting", CaseKind.Create, "Invoke-DyteRequest -Method POST meetings -Body @{ title = 'Invoked' } -Confirm:$false",
            "@(Get-DyteMeeting -Search Invoked).Count", EmptyAnswerIsFine: true),
        new("Connect-Dyte", "listMeetings", CaseKind.Read,
            "Connect-Dyte -BaseUri $DyteTestUri -OrganizationId $DyteTestOrg -ApiKey $DyteTestKey -TimeoutSec 1 -MaximumRetryCount 2 -RetryIntervalSec 0.05",
            NeedsBody: false),
    ];
}
