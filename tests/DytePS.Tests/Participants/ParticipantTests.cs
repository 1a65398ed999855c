using System.Management.Automation;
using Xunit;

namespace DytePS.Tests.Participants;

public class ParticipantTests : EngineTest
{
    private Guid NewMeeting(string title = "Room") =>
        Run($"New-DyteMeeting -Title '{title}'").ThrowIfFailed().Meetings()[0].Id();

    [Fact]
    public async Task New_adds_a_participant_and_returns_its_token_and_meeting()
    {
        Shell.SetVariable("m", NewMeeting());
        await Org.ClearRequestsAsync();

        var result = Run("New-DyteParticipant -MeetingId $m -PresetName group_call_host -Name 'Jane Doe' -CustomParticipantId jane-1 -Picture https://example.com/jane.png").ThrowIfFailed();

        var participant = Assert.Single(result.Typed("DytePS.Participant"));
        Assert.Equal("Jane Doe", participant.Str("Name"));
        Assert.Equal("group_call_host", participant.Str("PresetName"));
        Assert.Equal("jane-1", participant.Str("CustomParticipantId"));
        Assert.Equal(3, participant.Str("Token")!.Split('.').Length);
        Assert.Equal(Shell.Runspace.SessionStateProxy.GetVariable("m"), participant.Get<Guid>("MeetingId"));
        Assert.Equal(participant.Id(), participant.Get<Guid>("ParticipantId"));
        var request = Assert.Single(await RequestsAsync());
        Assert.Equal(("POST", "addParticipant", 201), (request.Method, request.Operation, request.Status));
    }

    [Fact]
    public void New_takes_rows_from_the_pipeline_like_a_csv_import()
    {
        Shell.SetVariable("m", NewMeeting());

        var result = Run("""
            @(
                [pscustomobject]@{ MeetingId = $m; Name = 'Ann'; PresetName = 'webinar_viewer'; CustomParticipantId = 'a-1' }
                [pscustomobject]@{ MeetingId = $m; Name = 'Bob'; preset_name = 'webinar_host' }
            ) | New-DyteParticipant
            """).ThrowIfFailed();

        var participants = result.Typed("DytePS.Participant");
        Assert.Equal(["Ann", "Bob"], participants.Select(p => p.Str("Name")));
        Assert.Equal(["webinar_viewer", "webinar_host"], participants.Select(p => p.Str("PresetName")));
    }

    [Fact]
    public async Task Empty_optional_cells_of_a_csv_row_mean_not_given()
    {
        Shell.SetVariable("m", NewMeeting());
        await Org.ClearRequestsAsync();

        var result = Run("""
            @(
                [pscustomobject]@{ MeetingId = $m; Name = ''; PresetName = 'viewer'; CustomParticipantId = ''; Picture = '' }
                [pscustomobject]@{ MeetingId = $m; Name = 'Bob'; PresetName = 'viewer'; CustomParticipantId = '   '; Picture = $null }
            ) | New-DyteParticipant
            """).ThrowIfFailed();

        var participants = result.Typed("DytePS.Participant");
        Assert.Equal(2, participants.Count);
        Assert.Null(participants[0].Str("Name"));
        Assert.Null(participants[0].Str("CustomParticipantId"));
        Assert.Null(participants[0].Str("Picture"));
        Assert.Equal("Bob", participants[1].Str("Name"));
        Assert.Null(participants[1].Str("CustomParticipantId"));
        Assert.Equal(2, (await RequestsAsync()).Count(r => r.Operation == "addParticipant" && r.Status == 201));
    }

    [Theory]
    [InlineData("New-DyteParticipant -MeetingId $m -PresetName ''", "PresetName")]
    [InlineData("New-DyteParticipant -MeetingId $m -PresetName host -Picture 'not a url'", "Picture")]
    [InlineData("New-DyteParticipant -MeetingId $m -PresetName host -Picture 'ftp://example.com/a.png'", "Picture")]
    [InlineData("New-DyteParticipant -MeetingId 'nope' -PresetName host", "MeetingId")]
    public async Task New_rejects_bad_input_before_any_request(string script, string parameter)
    {
        Shell.SetVariable("m", Guid.NewGuid());

        var error = Assert.Single(Run(script).Errors);

        Assert.Equal(parameter, Assert.IsType<ParameterBindingException>(error.Exception, exactMatch: false).ParameterName);
        Assert.Empty(await RequestsAsync());
    }

    [Fact]
    public void New_for_an_unknown_meeting_is_a_not_found_error()
    {
        Shell.SetVariable("m", Guid.NewGuid());

        var error = Assert.Single(Run("New-DyteParticipant -MeetingId $m -PresetName host").Errors);

        Assert.Equal("DyteNotFound,DytePS.Commands.NewDyteParticipantCommand", error.FullyQualifiedErrorId);
    }

    [Fact]
    public async Task New_WhatIf_sends_nothing()
    {
        Shell.SetVariable("m", NewMeeting());
        await Org.ClearRequestsAsync();

        Run("New-DyteParticipant -MeetingId $m -PresetName host -Name Dry -WhatIf").ThrowIfFailed();

        Assert.Contains("Add participant 'Dry' with preset 'host'", Shell.Host.Text);
        Assert.Empty(await RequestsAsync());
    }

    [Fact]
    public async Task Get_pages_through_a_large_meeting_and_each_participant_carries_its_meeting()
    {
        await Org.SeedMeetingsWithParticipantsAsync(1, 250);
        await Org.ClearRequestsAsync();

        var result = Run("Get-DyteMeeting | Get-DyteParticipant -PageSize 100").ThrowIfFailed();

        var participants = result.Typed("DytePS.Participant");
        Assert.Equal(250, participants.Count);
        Assert.Single(participants.Select(p => p.Get<Guid>("MeetingId")).Distinct());
        Assert.All(participants, p => Assert.Null(p.Str("Token")));
        Assert.Equal(4, (await RequestsAsync()).Count); // one meetings page, three participant pages
    }

    [Fact]
    public void Get_by_id_reports_the_unknown_one_and_returns_the_rest()
    {
        Shell.SetVariable("m", NewMeeting());
        var known = Run("New-DyteParticipant -MeetingId $m -PresetName host -Name Known").ThrowIfFailed().Typed("DytePS.Participant")[0].Id();
        Shell.SetVariable("ids", new object[] { known, Guid.NewGuid() });

        var result = Run("Get-DyteParticipant -MeetingId $m -ParticipantId $ids");

        Assert.Equal("Known", Assert.Single(result.Typed("DytePS.Participant")).Str("Name"));
        Assert.Equal("DyteNotFound,DytePS.Commands.GetDyteParticipantCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public async Task Set_changes_what_is_given_and_WhatIf_changes_nothing()
    {
        Shell.SetVariable("m", NewMeeting());
        Run("$p = New-DyteParticipant -MeetingId $m -PresetName viewer -Name Before").ThrowIfFailed();

        Run("$p | Set-DyteParticipant -Name Renamed -WhatIf").ThrowIfFailed();
        var afterWhatIf = Run("$p | Get-DyteParticipant -ParticipantId $p.Id").ThrowIfFailed().Typed("DytePS.Participant")[0];
        var updated = Run("$p | Set-DyteParticipant -Name After -PresetName host -PassThru").ThrowIfFailed().Typed("DytePS.Participant")[0];

        Assert.Equal("Before", afterWhatIf.Str("Name"));
        Assert.Equal(("After", "host"), (updated.Str("Name"), updated.Str("PresetName")));
        Assert.Single(await RequestsAsync(), r => r.Method == "PATCH");
    }

    [Fact]
    public async Task The_meeting_to_participants_to_remove_chain_needs_no_ForEach()
    {
        await Org.SeedMeetingsWithParticipantsAsync(3, 4);
        await Org.ClearRequestsAsync();

        Run("Get-DyteMeeting | Get-DyteParticipant | Remove-DyteParticipant -Confirm:$false").ThrowIfFailed();

        Assert.Empty(Run("Get-DyteMeeting | Get-DyteParticipant").ThrowIfFailed().Output);
        Assert.Equal(12, (await RequestsAsync()).Count(r => r.Operation == "deleteParticipant" && r.Status == 200));
    }

    [Fact]
    public async Task Remove_asks_first_and_honours_No_Force_and_WhatIf()
    {
        await Org.SeedMeetingsWithParticipantsAsync(1, 3);
        Shell.Host.ChoiceAnswers.Enqueue(2); // No
        Shell.Host.ChoiceAnswers.Enqueue(0); // Yes

        Run("Get-DyteMeeting | Get-DyteParticipant -First 2 | Remove-DyteParticipant").ThrowIfFailed();
        Run("Get-DyteMeeting | Get-DyteParticipant | Remove-DyteParticipant -Force -WhatIf").ThrowIfFailed();
        var left = Run("Get-DyteMeeting | Get-DyteParticipant").ThrowIfFailed().Output.Count;
        Run("Get-DyteMeeting | Get-DyteParticipant | Remove-DyteParticipant -Force").ThrowIfFailed();

        Assert.Equal(2, Shell.Host.Prompts.Count);
        Assert.Equal(2, left);
        Assert.Empty(Run("Get-DyteMeeting | Get-DyteParticipant").ThrowIfFailed().Output);
        Assert.Equal(3, (await RequestsAsync()).Count(r => r.Operation == "deleteParticipant"));
    }

    [Fact]
    public void New_token_keeps_the_participant_and_replaces_its_token()
    {
        Shell.SetVariable("m", NewMeeting());
        var created = Run("$p = New-DyteParticipant -MeetingId $m -PresetName host; $p").ThrowIfFailed().Typed("DytePS.Participant")[0];

        var issued = Assert.Single(Run("$p | New-DyteParticipantToken").ThrowIfFailed().Typed("DytePS.ParticipantToken"));

        Assert.Equal(created.Id(), issued.Get<Guid>("ParticipantId"));
        Assert.NotEqual(created.Str("Token"), issued.Str("Token"));
        Assert.Equal(created.Id(), Run("$p | Get-DyteParticipant -ParticipantId $p.Id").ThrowIfFailed().Typed("DytePS.Participant")[0].Id());
    }
}
