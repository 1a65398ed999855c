using System.Management.Automation;
using Xunit;

namespace DytePS.Tests.Completion;

/// <summary>Tab completion through the engine's own TabExpansion2, as the console would ask for it.</summary>
public class ArgumentCompleterTests : EngineTest
{
    private IReadOnlyList<CompletionResult> Complete(string input)
    {
        Shell.SetVariable("completionInput", input);
        var result = Run("(TabExpansion2 -inputScript $completionInput -cursorColumn $completionInput.Length).CompletionMatches").ThrowIfFailed();
        return result.Output.Select(o => (CompletionResult)o.BaseObject).ToList();
    }

    [Fact]
    public void MeetingId_completes_ids_and_shows_titles()
    {
        var meetings = Run("'Weekly standup', 'Board review' | ForEach-Object { New-DyteMeeting -Title $_ }").ThrowIfFailed().Meetings();

        var all = Complete("Get-DyteMeeting -MeetingId ");
        var standup = Complete("Set-DyteMeeting -Status Inactive -MeetingId stand");

        Assert.Equal(meetings.Select(m => m.Id().ToString()).Order(), all.Select(c => c.CompletionText).Order());
        Assert.Contains(all, c => c.ListItemText.StartsWith("Board review (", StringComparison.Ordinal));
        var only = Assert.Single(standup);
        Assert.Equal(meetings[0].Id().ToString(), only.CompletionText);
        Assert.Contains("Weekly standup", only.ToolTip);
    }

    [Fact]
    public async Task MeetingId_completion_is_cached_briefly()
    {
        Run("New-DyteMeeting -Title Cached").ThrowIfFailed();
        await Org.ClearRequestsAsync();

        Complete("Get-DyteParticipant -MeetingId ");
        Complete("Get-DyteRecording -MeetingId ");

        Assert.Single(await RequestsAsync());
    }

    [Fact]
    public void PresetName_completes_presets_seen_on_the_meetings_participants()
    {
        var meeting = Run("New-DyteMeeting -Title Presets").ThrowIfFailed().Meetings()[0].Id();
        Shell.SetVariable("m", meeting);
        Run("'webinar_host','webinar_viewer','webinar_viewer' | ForEach-Object { New-DyteParticipant -MeetingId $m -PresetName $_ } | Out-Null").ThrowIfFailed();

        var presets = Complete($"New-DyteParticipant -MeetingId {meeting} -PresetName webinar_");

        Assert.Equal(["webinar_host", "webinar_viewer"], presets.Select(c => c.CompletionText));
    }

    [Fact]
    public void Regions_and_events_complete_from_their_known_values()
    {
        Assert.Equal(["ap-south-1", "ap-southeast-1"], Complete("New-DyteMeeting -Title x -PreferredRegion ap-").Select(c => c.CompletionText));
        Assert.Equal(["meeting.participantJoined", "meeting.participantLeft"],
            Complete("New-DyteWebhook -Name n -Url https://x.example.com -Event meeting.p").Select(c => c.CompletionText));
    }

    [Fact]
    public void Completion_without_a_connection_is_silent()
    {
        Run("Disconnect-Dyte").ThrowIfFailed();

        var completions = Complete("Get-DyteMeeting -MeetingId ");

        Assert.DoesNotContain(completions, c => Guid.TryParse(c.CompletionText, out _));
        Assert.Empty(Run("$Error").Output);
    }
}
