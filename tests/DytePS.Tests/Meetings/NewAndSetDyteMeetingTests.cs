using System.Management.Automation;
using Xunit;

namespace DytePS.Tests.Meetings;

public class NewAndSetDyteMeetingTests : EngineTest
{
    [Fact]
    public async Task New_creates_a_meeting_with_every_option()
    {
        // RealtimeKit has no preferred region (see RealtimeKitTests).
        var region = RealtimeKit ? "" : "-PreferredRegion ap-south-1";
        var result = Run($"New-DyteMeeting -Title 'Town hall' {region} -RecordOnStart -LiveStreamOnStart").ThrowIfFailed();

        var meeting = Assert.Single(result.Meetings());
        Assert.Equal("Town hall", meeting.Str("Title"));
        Assert.Equal(RealtimeKit ? null : "ap-south-1", meeting.Str("PreferredRegion"));
        Assert.True(meeting.Get<bool>("RecordOnStart"));
        Assert.True(meeting.Get<bool>("LiveStreamOnStart"));
        Assert.Equal("ACTIVE", meeting.Str("Status"));
        Assert.NotEqual(Guid.Empty, meeting.Id());
        var request = Assert.Single(await RequestsAsync());
        Assert.Equal(("POST", "/meetings", 201), (request.Method, request.ApiPath, request.Status));
    }

    [Fact]
    public async Task New_takes_titles_from_the_pipeline_by_property_name()
    {
        var result = Run("@([pscustomobject]@{ Title = 'One' }, [pscustomobject]@{ Title = 'Two'; RecordOnStart = $true }) | New-DyteMeeting").ThrowIfFailed();

        var meetings = result.Meetings();
        Assert.Equal(["One", "Two"], meetings.Select(m => m.Str("Title")));
        Assert.Equal([false, true], meetings.Select(m => m.Get<bool>("RecordOnStart")));
        Assert.Equal(2, (await RequestsAsync()).Count);
    }

    [Theory]
    [InlineData("New-DyteMeeting -Title ''")]
    [InlineData("New-DyteMeeting -Title '   '")]
    [InlineData("New-DyteMeeting -Title \"a`tb`nc\"")]
    [InlineData("New-DyteMeeting -Title ('x' * 1025)")]
    public async Task New_rejects_bad_titles_before_any_request(string script)
    {
        var result = Run(script);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("ParameterArgumentValidationError", error.FullyQualifiedErrorId);
        Assert.Empty(await RequestsAsync());
    }

    [Fact]
    public async Task New_WhatIf_reports_and_sends_nothing()
    {
        var result = Run("New-DyteMeeting -Title 'Dry run' -WhatIf").ThrowIfFailed();

        Assert.Empty(result.Output);
        Assert.Contains("What if: Performing the operation \"Create\" on target \"Meeting 'Dry run'\"", Shell.Host.Text);
        Assert.Empty(await RequestsAsync());
    }

    [Fact]
    public async Task Piping_meetings_into_Set_retires_them_all()
    {
        await Org.SeedMeetingsAsync(5);

        var result = Run("Get-DyteMeeting | Set-DyteMeeting -Status Inactive -PassThru").ThrowIfFailed();

        Assert.Equal(5, result.Meetings().Count(m => m.Str("Status") == "INACTIVE"));
        var after = Run("Get-DyteMeeting").ThrowIfFailed().Meetings();
        Assert.All(after, m => Assert.Equal("INACTIVE", m.Str("Status")));
        Assert.Equal(5, (await RequestsAsync()).Count(r => r.Method == "PATCH" && r.Status == 200));
    }

    [Fact]
    public async Task Set_without_PassThru_writes_nothing_and_changes_the_title()
    {
        var meeting = Run("New-DyteMeeting -Title Old").ThrowIfFailed().Meetings()[0];
        Shell.SetVariable("id", meeting.Id());

        var result = Run("Set-DyteMeeting -MeetingId $id -Title New").ThrowIfFailed();

        Assert.Empty(result.Output);
        Assert.Equal("New", Run("Get-DyteMeeting -MeetingId $id").ThrowIfFailed().Meetings()[0].Str("Title"));
    }

    [Fact]
    public async Task Set_WhatIf_sends_no_update()
    {
        await Org.SeedMeetingsAsync(3);

        Run("Get-DyteMeeting | Set-DyteMeeting -Status Inactive -WhatIf").ThrowIfFailed();

        Assert.Equal(3, Shell.Host.Text.Split("What if:").Length - 1);
        Assert.Contains("Set status to INACTIVE", Shell.Host.Text);
        Assert.All(await RequestsAsync(), r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task Set_Confirm_sends_only_what_the_user_accepts()
    {
        await Org.SeedMeetingsAsync(2);
        Shell.Host.ChoiceAnswers.Enqueue(0); // Yes for the first
        Shell.Host.ChoiceAnswers.Enqueue(2); // No for the second

        Run("Get-DyteMeeting | Set-DyteMeeting -Status Inactive -Confirm").ThrowIfFailed();

        Assert.Equal(2, Shell.Host.Prompts.Count);
        var statuses = Run("Get-DyteMeeting").ThrowIfFailed().Meetings().Select(m => m.Str("Status"));
        Assert.Equal(["INACTIVE", "ACTIVE"], statuses);
    }

    [Fact]
    public async Task Set_unknown_meeting_is_a_non_terminating_error_and_the_rest_continue()
    {
        await Org.SeedMeetingsAsync(1);
        Shell.SetVariable("unknown", Guid.NewGuid());

        var result = Run("@([pscustomobject]@{ Id = $unknown }) + @(Get-DyteMeeting) | Set-DyteMeeting -Title Renamed -PassThru");

        var error = Assert.Single(result.Errors);
        Assert.Equal("DyteNotFound,DytePS.Commands.SetDyteMeetingCommand", error.FullyQualifiedErrorId);
        Assert.Equal("Renamed", Assert.Single(result.Meetings()).Str("Title"));
    }

    [Fact]
    public async Task Set_with_nothing_to_change_is_refused_before_any_request()
    {
        Shell.SetVariable("id", Guid.NewGuid());

        var result = Run("Set-DyteMeeting -MeetingId $id");

        Assert.Equal("DyteNothingToChange,DytePS.Commands.SetDyteMeetingCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
        Assert.Empty(await RequestsAsync());
    }

    [Fact]
    public async Task Set_rejects_a_status_that_is_not_ACTIVE_or_INACTIVE()
    {
        Shell.SetVariable("id", Guid.NewGuid());

        var result = Run("Set-DyteMeeting -MeetingId $id -Status Archived");

        Assert.Contains("Status", Assert.Single(result.Errors).ToString());
        Assert.Empty(await RequestsAsync());
    }
}
