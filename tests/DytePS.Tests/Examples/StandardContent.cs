using System.Collections;
using System.Net;
using System.Text;
using DytePS.Playground;
using DytePS.Testing;

namespace DytePS.Tests.Examples;

/// <summary>
/// The organization every documented example runs against (the docs rely on it): four meetings,
/// two participants in each active one, a live session with a recording and a livestream, an
/// ended session with an uploaded recording, and two webhooks.
/// </summary>
internal static class StandardContent
{
    public static async Task FillAsync(TestOrganization org, DyteShell shell)
    {
        var created = shell.Run("""
            $standup = New-DyteMeeting -Title 'Weekly standup'
            $onboarding = New-DyteMeeting -Title 'Customer onboarding'
            $allHands = New-DyteMeeting -Title 'All hands'
            New-DyteMeeting -Title 'Retired demo' | Set-DyteMeeting -Status INACTIVE
            foreach ($meeting in $standup, $onboarding, $allHands) {
                New-DyteParticipant -MeetingId $meeting.Id -Name 'Ada Lovelace' -PresetName group_call_host -CustomParticipantId ada-1 | Out-Null
                New-DyteParticipant -MeetingId $meeting.Id -Name 'Alan Turing' -PresetName group_call_participant -CustomParticipantId alan-2 | Out-Null
            }
            $standup.Id; $onboarding.Id
            Get-DyteParticipant -MeetingId $standup.Id | ForEach-Object Id
            Get-DyteParticipant -MeetingId $onboarding.Id | ForEach-Object Id
            """).ThrowIfFailed().Output.Select(o => (Guid)o.BaseObject).ToList();
        var (standup, onboarding) = (created[0], created[1]);
        await org.JoinAsync(standup, created[2]);
        await org.JoinAsync(standup, created[3]);
        await org.JoinAsync(onboarding, created[4]);

        shell.SetVariable("standupId", standup);
        shell.SetVariable("onboardingId", onboarding);
        shell.Run("""
            Start-DyteRecording -MeetingId $standupId | Out-Null
            Start-DyteRecording -MeetingId $onboardingId | Stop-DyteRecording -Force | Out-Null
            Start-DyteLivestream -MeetingId $standupId -Name 'Standup stream' | Out-Null
            New-DyteWebhook -Name crm-sync -Url https://hooks.example.com/crm -Event meeting.started, meeting.ended | Out-Null
            New-DyteWebhook -Name old-audit -Url https://old.example.com/audit -Event recording.statusUpdate | Out-Null
            """).ThrowIfFailed();
        await org.LeaveAsync(onboarding, created[4]);
        // With no lifecycle delay, the next request moves every timed step on (RECORDING, UPLOADED, LIVE).
        shell.Run("Get-DyteRecording | Out-Null").ThrowIfFailed();
    }

    /// <summary>A real signed delivery (meeting.started) received from the emulator, as a receiver gets it.</summary>
    public static async Task<(string Body, Hashtable Headers)> CaptureDeliveryAsync()
    {
        var org = await SharedEmulator.NewOrganizationAsync();
        using var receiver = new WebhookReceivers.WebhookReceiver("dyte");
        using var shell = DyteShell.Open();
        shell.SetVariable("key", ToSecure(org.ApiKey));
        shell.SetVariable("url", receiver.Url);
        var ids = shell.Run($"""
            Connect-Dyte -BaseUri '{org.ApiBaseUri}' -OrganizationId '{org.Id}' -ApiKey $key
            New-DyteWebhook -Name receiver -Url $url -Event meeting.started | Out-Null
            $m = New-DyteMeeting -Title 'Weekly standup'
            $m.Id; (New-DyteParticipant -MeetingId $m.Id -PresetName host -Name Ada).Id
            """).ThrowIfFailed().Output.Select(o => (Guid)o.BaseObject).ToList();
        return await receiver.ReceiveAsync(() => org.JoinAsync(ids[0], ids[1]));
    }

    public static System.Security.SecureString ToSecure(string text)
    {
        var secure = new System.Security.SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }
}
