using System.Management.Automation;
using Xunit;

namespace DytePS.Tests.Requests;

public class InvokeDyteRequestTests : EngineTest
{
    [Fact]
    public async Task All_pages_through_any_list_and_returns_the_raw_objects()
    {
        await Org.SeedMeetingsAsync(230);

        var result = Run("Invoke-DyteRequest /meetings -All").ThrowIfFailed();

        Assert.Equal(230, result.Output.Count);
        Assert.Equal("Seeded meeting 230", result.Output[229].Str("title"));
        Assert.Equal(3, (await RequestsAsync()).Count);
    }

    [Fact]
    public async Task Sends_a_body_and_query_and_returns_the_data()
    {
        var created = Run("Invoke-DyteRequest -Method POST -Path meetings -Body @{ title = 'Raw'; record_on_start = $true }").ThrowIfFailed().Output[0];
        var found = Run("Invoke-DyteRequest meetings -Query ([ordered]@{ search = 'raw'; per_page = 5 })").ThrowIfFailed().Output;

        Assert.Equal("Raw", created.Str("title"));
        Assert.True(created.Get<bool>("record_on_start"));
        Assert.Equal(created.Str("id"), Assert.Single(found).Str("id"));
        Assert.Contains(await RequestsAsync(), r => r.ApiPath == "/meetings?search=raw&per_page=5");
    }

    [Fact]
    public void A_body_without_data_comes_back_whole()
    {
        Shell.SetVariable("m", Run("New-DyteMeeting -Title x").ThrowIfFailed().Meetings()[0].Id());
        var participant = Run("Invoke-DyteRequest -Method POST -Path \"meetings/$m/participants\" -Body '{\"preset_name\":\"host\"}'").ThrowIfFailed().Output[0];
        Shell.SetVariable("p", participant.Str("id"));

        var deleted = Run("Invoke-DyteRequest -Method DELETE -Path \"meetings/$m/participants/$p\" -Confirm:$false").ThrowIfFailed().Output[0];

        Assert.True(deleted.Get<bool>("success"));
        Assert.False(string.IsNullOrEmpty(deleted.Str("message")));
    }

    [Fact]
    public void Service_errors_become_the_same_error_records_as_the_typed_cmdlets()
    {
        Shell.SetVariable("x", Guid.NewGuid());

        var error = Assert.Single(Run("Invoke-DyteRequest \"meetings/$x\"").Errors);

        Assert.Equal("DyteNotFound,DytePS.Commands.InvokeDyteRequestCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Meeting not found", error.ErrorDetails.Message);
    }

    [Theory]
    [InlineData("Invoke-DyteRequest 'https://evil.example.com/v2/meetings'")]
    [InlineData("Invoke-DyteRequest '../_emulator/requests'")]
    [InlineData("Invoke-DyteRequest 'meetings?page_no=2'")]
    [InlineData("Invoke-DyteRequest 'meetings//participants'")]
    [InlineData("Invoke-DyteRequest -Method POST meetings -Body '{not json'")]
    [InlineData("Invoke-DyteRequest -Method POST meetings -All")]
    public async Task Malformed_requests_are_refused_before_sending(string script)
    {
        var error = Assert.Single(Run(script).Errors);

        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Empty(await RequestsAsync());
    }

    [Fact]
    public async Task Changes_honour_WhatIf_but_reads_do_not_ask()
    {
        Run("Invoke-DyteRequest -Method POST meetings -Body @{ title = 'no' } -WhatIf").ThrowIfFailed();
        Assert.Empty(await RequestsAsync());

        Run("Invoke-DyteRequest meetings -WhatIf").ThrowIfFailed();
        Assert.Single(await RequestsAsync());
    }
}
