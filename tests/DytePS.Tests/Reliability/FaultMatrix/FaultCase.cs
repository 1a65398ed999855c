namespace DytePS.Tests.Reliability.FaultMatrix;

/// <summary>What a cmdlet does with the body of the faulted answer, which decides its expected outcome.</summary>
public enum CaseKind
{
    /// <summary>Reads or changes something and needs the answer's data; safe to send twice.</summary>
    Idempotent,

    /// <summary>Creates something: retried only when the service surely did not act (429, connection never opened).</summary>
    Create,

    /// <summary>Safe to send twice and does not need the answer's body (delete, stop livestream, connect's check).</summary>
    IgnoresBody,
}

/// <summary>One cmdlet invocation of the matrix: the operation it sends, how it is called, and for creates how to count what exists afterwards.</summary>
/// <param name="EmptyAnswerIsFine">Invoke-DyteRequest writes nothing for an empty 2xx body, by design.</param>
public sealed record FaultCase(string Name, string Operation, CaseKind Kind, string Command, string? CountCreated = null, bool EmptyAnswerIsFine = false)
{
    public override string ToString() => Name;

    public static readonly FaultCase[] All =
    [
        new("Get-DyteMeeting", "listMeetings", CaseKind.Idempotent, "Get-DyteMeeting"),
        new("Get-DyteMeeting -MeetingId", "getMeeting", CaseKind.Idempotent, "Get-DyteMeeting -MeetingId $m.Id"),
        new("New-DyteMeeting", "createMeeting", CaseKind.Create, "New-DyteMeeting -Title Created", "@(Get-DyteMeeting -Search Created).Count"),
        new("Set-DyteMeeting", "updateMeeting", CaseKind.Idempotent, "Set-DyteMeeting -MeetingId $m.Id -Title Renamed -PassThru"),
        new("Get-DyteParticipant", "listParticipants", CaseKind.Idempotent, "Get-DyteParticipant -MeetingId $m.Id"),
        new("Get-DyteParticipant -ParticipantId", "getParticipant", CaseKind.Idempotent, "$p | Get-DyteParticipant"),
        new("New-DyteParticipant", "addParticipant", CaseKind.Create, "New-DyteParticipant -MeetingId $m.Id -PresetName host -Name Created",
            "@(Get-DyteParticipant -MeetingId $m.Id | Where-Object Name -eq Created).Count"),
        new("Set-DyteParticipant", "updateParticipant", CaseKind.Idempotent, "$p | Set-DyteParticipant -Name Renamed -PassThru"),
        new("Remove-DyteParticipant", "deleteParticipant", CaseKind.IgnoresBody, "$p2 | Remove-DyteParticipant -Force"),
        new("New-DyteParticipantToken", "regenerateParticipantToken", CaseKind.Idempotent, "$p | New-DyteParticipantToken"),
        new("Get-DyteSession", "listSessions", CaseKind.Idempotent, "Get-DyteSession"),
        new("Get-DyteSession -SessionId", "getSession", CaseKind.Idempotent, "$s | Get-DyteSession"),
        new("Get-DyteSession -Active", "getActiveSession", CaseKind.Idempotent, "Get-DyteSession -MeetingId $m.Id -Active"),
        new("Get-DyteSessionParticipant", "listSessionParticipants", CaseKind.Idempotent, "$s | Get-DyteSessionParticipant"),
        new("Get-DyteRecording", "listRecordings", CaseKind.Idempotent, "Get-DyteRecording"),
        new("Get-DyteRecording -RecordingId", "getRecording", CaseKind.Idempotent, "$r | Get-DyteRecording"),
        new("Get-DyteRecording -Active", "getActiveRecording", CaseKind.Idempotent, "Get-DyteRecording -MeetingId $m.Id -Active"),
        new("Start-DyteRecording", "startRecording", CaseKind.Create, "Start-DyteRecording -MeetingId $fresh.Id", "@(Get-DyteRecording -MeetingId $fresh.Id).Count"),
        new("Suspend-DyteRecording", "updateRecording", CaseKind.Idempotent, "$r | Suspend-DyteRecording"),
        new("Resume-DyteRecording", "updateRecording", CaseKind.Idempotent, "$paused | Resume-DyteRecording"),
        new("Stop-DyteRecording", "updateRecording", CaseKind.Idempotent, "$r | Stop-DyteRecording -Force"),
        new("Wait-DyteRecording", "getRecording", CaseKind.Idempotent, "$uploaded | Wait-DyteRecording -PollIntervalSec 0.05"),
        new("Get-DyteLivestream", "listLivestreams", CaseKind.Idempotent, "Get-DyteLivestream -MeetingId $m.Id"),
        new("Get-DyteLivestream -Active", "getActiveLivestream", CaseKind.Idempotent, "Get-DyteLivestream -MeetingId $m.Id -Active"),
        new("Start-DyteLivestream", "startLivestream", CaseKind.Create, "Start-DyteLivestream -MeetingId $fresh.Id", "@(Get-DyteLivestream -MeetingId $fresh.Id).Count"),
        new("Stop-DyteLivestream", "stopLivestream", CaseKind.IgnoresBody, "Stop-DyteLivestream -MeetingId $m.Id -Force"),
        new("Get-DyteWebhook", "listWebhooks", CaseKind.Idempotent, "Get-DyteWebhook"),
        new("New-DyteWebhook", "createWebhook", CaseKind.Create, "New-DyteWebhook -Name created -Url https://hooks.example.com/x -Event meeting.ended",
            "@(Get-DyteWebhook | Where-Object Name -eq created).Count"),
        new("Set-DyteWebhook", "updateWebhook", CaseKind.Idempotent, "$w | Set-DyteWebhook -Name renamed -PassThru"),
        new("Remove-DyteWebhook", "deleteWebhook", CaseKind.IgnoresBody, "$w | Remove-DyteWebhook -Force"),
        new("Invoke-DyteRequest GET", "listMeetings", CaseKind.Idempotent, "Invoke-DyteRequest meetings -All"),
        new("Invoke-DyteRequest POST", "createMeeting", CaseKind.Create, "Invoke-DyteRequest -Method POST meetings -Body @{ title = 'Invoked' } -Confirm:$false",
            "@(Get-DyteMeeting -Search Invoked).Count", EmptyAnswerIsFine: true),
        new("Connect-Dyte", "listMeetings", CaseKind.IgnoresBody,
            "Connect-Dyte -BaseUri $DyteTestUri -OrganizationId $DyteTestOrg -ApiKey $DyteTestKey -TimeoutSec 1 -MaximumRetryCount 2 -RetryIntervalSec 0.05"),
    ];
}
