using Xunit;

namespace DytePS.Tests.Connection;

/// <summary>Tests that change the process's DYTE_* variables run alone, so no other test sees them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}

[Collection(ProcessEnvironmentCollection.Name)]
public sealed class EnvironmentConnectionTests : EngineTest, IDisposable
{
    private static readonly string[] Variables = ["DYTE_ORG_ID", "DYTE_API_KEY", "DYTE_BASE_URI", "DYTE_ACCOUNT_ID", "DYTE_APP_ID", "DYTE_API_TOKEN", "DYTE_RTK_BASE_URI"];

    protected override bool ConnectOnStart => false;

    private void SetEnvironment(string? organizationId, string? apiKey, string? baseUri)
    {
        Environment.SetEnvironmentVariable("DYTE_ORG_ID", organizationId);
        Environment.SetEnvironmentVariable("DYTE_API_KEY", apiKey);
        Environment.SetEnvironmentVariable("DYTE_BASE_URI", baseUri);
    }

    public void Dispose()
    {
        foreach (var name in Variables) Environment.SetEnvironmentVariable(name, null);
    }

    [Fact]
    public async Task Commands_connect_themselves_from_the_environment_for_scheduled_tasks()
    {
        SetEnvironment(Org.Id, Org.ApiKey, Org.ApiBaseUri.ToString());
        await Org.SeedMeetingsAsync(2);

        var result = Run("Get-DyteMeeting; Get-DyteConnection").ThrowIfFailed();

        Assert.Equal(2, result.Meetings().Count);
        Assert.Equal("Environment", Assert.Single(result.Connections()).Str("Source"));
    }

    [Fact]
    public async Task Get_DyteConnection_shows_the_environment_connection_without_sending_anything()
    {
        SetEnvironment(Org.Id, Org.ApiKey, Org.ApiBaseUri.ToString());

        var connection = Assert.Single(Run("Get-DyteConnection").ThrowIfFailed().Connections());

        Assert.Equal(("Environment", Org.Id), (connection.Str("Source"), connection.Str("OrganizationId")));
        Assert.Empty(await RequestsAsync());
    }

    [Fact]
    public async Task RealtimeKit_variables_connect_to_the_app_and_ignore_the_Dyte_base_uri()
    {
        Environment.SetEnvironmentVariable("DYTE_ACCOUNT_ID", Org.AccountId);
        Environment.SetEnvironmentVariable("DYTE_APP_ID", Org.Id);
        Environment.SetEnvironmentVariable("DYTE_API_TOKEN", Org.ApiKey);
        Environment.SetEnvironmentVariable("DYTE_RTK_BASE_URI", Org.RealtimeKitRoot.ToString());
        Environment.SetEnvironmentVariable("DYTE_BASE_URI", "https://dyte.example.com/v2");

        var result = Run("New-DyteMeeting -Title FromEnvironment | Out-Null; Get-DyteConnection").ThrowIfFailed();

        var connection = Assert.Single(result.Connections());
        Assert.Equal(("RealtimeKit", "Environment"), (connection.Str("Backend"), connection.Str("Source")));
        Assert.StartsWith("/client/v4/accounts/", Assert.Single(await RequestsAsync()).Path);
    }

    [Fact]
    public void Both_sets_of_variables_at_once_are_refused()
    {
        SetEnvironment(Org.Id, Org.ApiKey, Org.ApiBaseUri.ToString());
        Environment.SetEnvironmentVariable("DYTE_ACCOUNT_ID", Org.AccountId);
        Environment.SetEnvironmentVariable("DYTE_APP_ID", Org.Id);
        Environment.SetEnvironmentVariable("DYTE_API_TOKEN", Org.ApiKey);

        var error = Assert.Single(Run("Get-DyteMeeting").Errors);

        Assert.Equal("DyteInvalidEnvironment,DytePS.Commands.GetDyteMeetingCommand", error.FullyQualifiedErrorId);
        Assert.Contains("keep one set", error.ToString());
    }

    [Fact]
    public void Connect_without_parameters_reads_the_environment()
    {
        SetEnvironment(Org.Id, Org.ApiKey, Org.ApiBaseUri.ToString());

        var connection = Run("Connect-Dyte -PassThru").ThrowIfFailed().Connections()[0];

        Assert.Equal(Org.Id, connection.Str("OrganizationId"));
        Assert.Equal(Org.ApiBaseUri, connection.Get<Uri>("BaseUri"));
    }

    [Fact]
    public async Task Without_connection_or_environment_commands_stop_with_advice()
    {
        SetEnvironment(null, null, null);

        var result = Run("Get-DyteMeeting; 'next statement'");

        var error = Assert.Single(result.Errors);
        Assert.Equal("DyteNotConnected,DytePS.Commands.GetDyteMeetingCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Connect-Dyte", error.ToString());
        Assert.Contains("DYTE_ORG_ID", error.ToString());
        Assert.Empty(await RequestsAsync());
    }

    [Fact]
    public void Connect_without_parameters_or_environment_explains_what_to_give()
    {
        SetEnvironment(null, null, null);

        var result = Run("Connect-Dyte");

        var error = Assert.Single(result.Errors);
        Assert.Equal("DyteInvalidConnection,DytePS.Commands.ConnectDyteCommand", error.FullyQualifiedErrorId);
        Assert.Contains("-OrganizationId", error.ToString());
    }

    [Fact]
    public void A_malformed_DYTE_BASE_URI_is_reported_by_name()
    {
        SetEnvironment(Org.Id, Org.ApiKey, "not a uri");

        var result = Run("Get-DyteMeeting");

        var error = Assert.Single(result.Errors);
        Assert.Equal("DyteInvalidEnvironment,DytePS.Commands.GetDyteMeetingCommand", error.FullyQualifiedErrorId);
        Assert.Contains("DYTE_BASE_URI", error.ToString());
    }
}
