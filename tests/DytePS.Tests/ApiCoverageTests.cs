using System.Text.RegularExpressions;
using DytePS.Playground;
using Xunit;

namespace DytePS.Tests;

/// <summary>
/// Every operation of dyte-v2.openapi.yaml is reached by a cmdlet and served by the emulator:
/// a script that uses every cmdlet must leave each operationId in the emulator's request log
/// with a success status, and nothing outside the document.
/// </summary>
public partial class ApiCoverageTests : EngineTest
{
    [GeneratedRegex(@"^\s+operationId:\s*(\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex OperationId();

    private static IReadOnlySet<string> DocumentOperations()
    {
        var spec = Path.Combine(BuildPaths.RepoRoot, "spec", "dyte-v2.openapi.yaml");
        return OperationId().Matches(File.ReadAllText(spec)).Select(m => m.Groups[1].Value).ToHashSet();
    }

    [Fact]
    public async Task Every_operation_of_the_document_is_reached_by_a_cmdlet_and_served()
    {
        var documented = DocumentOperations();
        Assert.Equal(27, documented.Count);

        var first = Run("""
            $m = New-DyteMeeting -Title Coverage
            $null = Get-DyteMeeting
            $null = Get-DyteMeeting -MeetingId $m.Id
            Set-DyteMeeting -MeetingId $m.Id -Title Covered
            $p = New-DyteParticipant -MeetingId $m.Id -PresetName host -Name Cover
            $null = Get-DyteParticipant -MeetingId $m.Id
            $null = $p | Get-DyteParticipant -ParticipantId $p.Id
            $p | Set-DyteParticipant -Name Covered
            $null = $p | New-DyteParticipantToken
            $m.Id; $p.Id
            """).ThrowIfFailed();
        var meeting = (Guid)first.Output[0].BaseObject;
        await Org.JoinAsync(meeting, (Guid)first.Output[1].BaseObject);

        Run("""
            $s = Get-DyteSession -MeetingId $m.Id -Active
            $null = Get-DyteSession
            $null = Get-DyteSession -SessionId $s.Id
            $null = $s | Get-DyteSessionParticipant
            $r = Start-DyteRecording -MeetingId $m.Id
            $null = Get-DyteRecording
            $null = Get-DyteRecording -RecordingId $r.Id
            $null = Get-DyteRecording -MeetingId $m.Id -Active
            $null = $r | Stop-DyteRecording -Force
            $null = Start-DyteLivestream -MeetingId $m.Id
            $null = Get-DyteLivestream -MeetingId $m.Id
            $null = Get-DyteLivestream -MeetingId $m.Id -Active
            Stop-DyteLivestream -MeetingId $m.Id -Force
            $w = New-DyteWebhook -Name cover -Url https://hooks.example.com/x -Event meeting.ended
            $null = Get-DyteWebhook
            $w | Set-DyteWebhook -Name covered
            $w | Remove-DyteWebhook -Force
            $p | Remove-DyteParticipant -Force
            """).ThrowIfFailed();

        var served = (await RequestsAsync()).Where(r => r.Status is >= 200 and < 300).Select(r => r.Operation!).ToHashSet();
        Assert.Empty(documented.Except(served));
        Assert.Empty(served.Except(documented));
    }
}
