using System.Management.Automation;
using System.Text;
using Xunit;

namespace DytePS.Tests;

/// <summary>
/// Runs every cmdlet with every stream captured (-Verbose -Debug, *>&amp;1, errors and their
/// exceptions, host text, output objects and their properties), on success and on failure, and
/// searches everything for the API key (also as a Basic header) and a storage secret.
/// </summary>
public class SecretHygieneTests : EngineTest
{
    private const string StorageSecret = "st0rage-S3CRET-value-9f8e7d";

    private IEnumerable<string> SecretForms =>
    [
        Org.ApiKey,
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Org.Id}:{Org.ApiKey}")),
        StorageSecret,
    ];

    /// <summary>Every exported cmdlet at least once; most on both a success and a failure path.</summary>
    public static TheoryData<string> Scripts() =>
    [
        "Get-DyteConnection | Out-Host; Get-DyteConnection | ForEach-Object { $_.PSObject.Properties | ForEach-Object { \"$($_.Name)=$($_.Value)\" } }",
        "Connect-Dyte -BaseUri $DyteTestUri -OrganizationId $DyteTestOrg -ApiKey $DyteTestKey -PassThru",
        "Connect-Dyte -BaseUri $DyteTestUri -OrganizationId ([guid]::NewGuid()) -ApiKey $DyteTestKey",
        "Connect-Dyte -BaseUri 'http://example.com/v2' -OrganizationId $DyteTestOrg -ApiKey $DyteTestKey",
        "Connect-Dyte -Credential $cred -BaseUri $DyteTestUri -PassThru",
        "Disconnect-Dyte; Get-DyteMeeting",
        "Get-DyteMeeting; Get-DyteMeeting -MeetingId $m.Id, ([guid]::NewGuid())",
        "New-DyteMeeting -Title secret-check; New-DyteMeeting -Title x -WhatIf",
        "Set-DyteMeeting -MeetingId $m.Id -Title renamed -PassThru; Set-DyteMeeting -MeetingId ([guid]::NewGuid()) -Title x",
        "Get-DyteParticipant -MeetingId $m.Id; Get-DyteParticipant -MeetingId ([guid]::NewGuid())",
        "New-DyteParticipant -MeetingId $m.Id -PresetName host -Name n; New-DyteParticipant -MeetingId ([guid]::NewGuid()) -PresetName host",
        "$p | Set-DyteParticipant -Name renamed -PassThru; Set-DyteParticipant -MeetingId $m.Id -ParticipantId ([guid]::NewGuid()) -Name x",
        "$p | New-DyteParticipantToken; New-DyteParticipantToken -MeetingId $m.Id -ParticipantId ([guid]::NewGuid())",
        "$p | Remove-DyteParticipant -Force; $p | Remove-DyteParticipant -Force",
        "Get-DyteSession; Get-DyteSession -SessionId ([guid]::NewGuid()); Get-DyteSession -MeetingId $m.Id -Active",
        "Get-DyteSessionParticipant -SessionId ([guid]::NewGuid())",
        "Start-DyteRecording -MeetingId $m.Id -StorageType aws -StorageCredential $storage -StorageBucket b -StorageRegion us-east-1",
        "Start-DyteRecording -MeetingId ([guid]::NewGuid()) -StorageType aws -StorageCredential $storage -StorageBucket b",
        "Start-DyteRecording -MeetingId $m.Id -StorageType gcs -StorageCredential $storage -StorageBucket b -WhatIf",
        "Get-DyteRecording; Get-DyteRecording -RecordingId ([guid]::NewGuid()); Get-DyteRecording -MeetingId $m.Id -Active",
        "$r = Start-DyteRecording -MeetingId $m.Id -StorageType aws -StorageCredential $storage -StorageBucket b; $r | Suspend-DyteRecording; $r | Resume-DyteRecording; $r | Stop-DyteRecording -Force; $r | Stop-DyteRecording -Force",
        "$r = Start-DyteRecording -MeetingId $m.Id; $r | Stop-DyteRecording -Force | Wait-DyteRecording -PollIntervalSec 0.05 | Save-DyteRecording -Path $folder",
        "Wait-DyteRecording -RecordingId ([guid]::NewGuid()); Save-DyteRecording -RecordingId ([guid]::NewGuid()) -Path $folder",
        "Start-DyteLivestream -MeetingId $m.Id -Name s; Get-DyteLivestream -MeetingId $m.Id; Stop-DyteLivestream -MeetingId $m.Id -Force -PassThru; Stop-DyteLivestream -MeetingId $m.Id -Force",
        "New-DyteWebhook -Name w -Url https://hooks.example.com/x -Event meeting.ended | Set-DyteWebhook -Name w2 -PassThru | Remove-DyteWebhook -Force; Get-DyteWebhook -Name gone",
        "Invoke-DyteRequest meetings -All; Invoke-DyteRequest -Method POST meetings -Body @{ title = 'raw' }; Invoke-DyteRequest \"meetings/$([guid]::NewGuid())\"",
        "Test-DyteWebhookSignature -Body '{}' -Signature 'AAAA'; ConvertFrom-DyteWebhook -Body '{}' -Headers @{ 'dyte-signature' = 'AAAA' }",
    ];

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task No_secret_appears_in_any_stream_output_or_error(string script)
    {
        Shell.SetVariable("cred", new PSCredential(Org.Id, Secure(Org.ApiKey)));
        Shell.SetVariable("storage", new PSCredential("AKIAEXAMPLE", Secure(StorageSecret)));
        Shell.SetVariable("folder", Directory.CreateTempSubdirectory("dyteps-secrets-").FullName);
        Run("$m = New-DyteMeeting -Title seed; $p = New-DyteParticipant -MeetingId $m.Id -PresetName host").ThrowIfFailed();
        Shell.Host.ClearText();
        await Org.ClearRequestsAsync();

        // Preferences rather than -Verbose/-Debug, so every command of the script writes everything it can.
        var result = Run($"$Error.Clear(); $VerbosePreference = $DebugPreference = $InformationPreference = 'Continue'; & {{ {script} }} *>&1 | Out-Host; & {{ {script} }} *>&1; $Error | ForEach-Object {{ $_.ToString(); $_.Exception.ToString(); $_.ErrorDetails.Message; $_.TargetObject }}");
        // Requests were logged on the verbose stream, so that stream was really searched.
        if ((await RequestsAsync()).Count > 0) Assert.Contains("VERBOSE: ", Shell.Host.Text);

        var text = AllText(result);
        Assert.NotEmpty(text);
        foreach (var secret in SecretForms) Assert.DoesNotContain(secret, text);
    }
}
