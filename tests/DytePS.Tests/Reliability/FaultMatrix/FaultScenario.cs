using System.Management.Automation;
using DytePS.Playground;
using DytePS.Testing;

namespace DytePS.Tests.Reliability.FaultMatrix;

/// <summary>The objects every case can act on, and a run that can never hang the suite.</summary>
internal static class FaultScenario
{
    /// <summary>
    /// Connects with short retries (1 s timeout, 50 ms first backoff) and creates: $m with
    /// participants $p and $p2 in a live session $s, a recording $r (RECORDING), a livestream,
    /// a webhook $w, $paused (a PAUSED recording), $uploaded (UPLOADED) and $fresh (a meeting with nothing running).
    /// </summary>
    public static async Task PrepareAsync(TestOrganization org, DyteShell shell, bool realtimeKit)
    {
        shell.Run(realtimeKit
            ? "Connect-Dyte -AccountId $DyteTestAccount -AppId $DyteTestOrg -ApiToken $DyteTestKey -BaseUri $DyteTestRtkRoot -TimeoutSec 1 -MaximumRetryCount 2 -RetryIntervalSec 0.05"
            : "Connect-Dyte -BaseUri $DyteTestUri -OrganizationId $DyteTestOrg -ApiKey $DyteTestKey -TimeoutSec 1 -MaximumRetryCount 2 -RetryIntervalSec 0.05").ThrowIfFailed();
        var ids = shell.Run("""
            $m = New-DyteMeeting -Title Faulted
            $p = New-DyteParticipant -MeetingId $m.Id -PresetName host -Name P
            $p2 = New-DyteParticipant -MeetingId $m.Id -PresetName host -Name P2
            $m.Id; $p.Id
            """).ThrowIfFailed().Output.Select(o => (Guid)o.BaseObject).ToList();
        await org.JoinAsync(ids[0], ids[1]);
        shell.Run("""
            $s = Get-DyteSession -MeetingId $m.Id -Active
            $r = Start-DyteRecording -MeetingId $m.Id
            $l = Start-DyteLivestream -MeetingId $m.Id
            $w = New-DyteWebhook -Name old -Url https://old.example.com/x -Event meeting.ended
            $other = New-DyteMeeting -Title Other
            $paused = Start-DyteRecording -MeetingId $other.Id
            $done = New-DyteMeeting -Title Done
            $uploaded = Start-DyteRecording -MeetingId $done.Id | Stop-DyteRecording -Force
            $fresh = New-DyteMeeting -Title Fresh
            Get-DyteRecording | Out-Null
            $paused = $paused | Suspend-DyteRecording
            Get-DyteRecording | Out-Null
            """).ThrowIfFailed();
        await org.ClearRequestsAsync();
    }

    /// <summary>Runs <paramref name="script"/>; fails the test instead of hanging when it takes longer than <paramref name="limit"/>.</summary>
    public static async Task<ShellResult> RunWithin(DyteShell shell, string script, TimeSpan limit)
    {
        var run = Task.Run(() => shell.Run(script));
        var finished = await Task.WhenAny(run, Task.Delay(limit));
        if (finished != run) throw new TimeoutException($"'{script}' did not finish within {limit.TotalSeconds} s: a hang.");
        return await run;
    }
}
