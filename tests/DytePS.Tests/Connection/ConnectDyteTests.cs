using System.Management.Automation;
using Xunit;

namespace DytePS.Tests.Connection;

public sealed class ConnectDyteTests : EngineTest
{
    protected override bool ConnectOnStart => false;

    [Fact]
    public async Task Connect_with_parameters_checks_the_credentials_with_one_request()
    {
        var result = Run("Connect-Dyte -BaseUri $DyteTestUri -OrganizationId $DyteTestOrg -ApiKey $DyteTestKey -PassThru").ThrowIfFailed();

        var connection = Assert.Single(result.Connections());
        Assert.Equal(Org.Id, connection.Str("OrganizationId"));
        Assert.Equal("Parameters", connection.Str("Source"));
        Assert.Equal("/meetings?page_no=1&per_page=1", Assert.Single(await RequestsAsync()).ApiPath);
        Assert.Equal(Org.Id, Run("(Get-DyteConnection).OrganizationId").ThrowIfFailed().Output[0].BaseObject);
    }

    [Fact]
    public void Connect_with_a_PSCredential_uses_the_user_name_as_organization_id()
    {
        Shell.SetVariable("cred", new PSCredential(Org.Id, Secure(Org.ApiKey)));

        Run("Connect-Dyte -Credential $cred -BaseUri $DyteTestUri").ThrowIfFailed();

        Assert.Equal("Credential", Run("Get-DyteConnection").ThrowIfFailed().Connections()[0].Str("Source"));
        Assert.Single(Run("New-DyteMeeting -Title viaCredential").ThrowIfFailed().Output);
    }

    [Fact]
    public void Connect_rejects_a_credential_whose_user_is_not_an_organization_id()
    {
        Shell.SetVariable("cred", new PSCredential("admin", Secure(Org.ApiKey)));

        var result = Run("Connect-Dyte -Credential $cred -BaseUri $DyteTestUri");

        var error = Assert.Single(result.Errors);
        Assert.Equal("DyteInvalidConnection,DytePS.Commands.ConnectDyteCommand", error.FullyQualifiedErrorId);
        Assert.Contains("organization id", error.ToString());
    }

    [Fact]
    public async Task Bad_credentials_give_one_terminating_authentication_error_and_no_connection()
    {
        Shell.SetVariable("wrong", Secure("not-the-key"));

        var result = Run("""
            $ErrorActionPreference = 'Stop'
            try { Connect-Dyte -BaseUri $DyteTestUri -OrganizationId $DyteTestOrg -ApiKey $wrong; 'continued' }
            catch { $_ }
            """);

        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("DyteUnauthorized,DytePS.Commands.ConnectDyteCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("401", error.ErrorDetails.Message);
        Assert.Contains("Unauthorized", error.ErrorDetails.Message);
        Assert.Empty(Run("Get-DyteConnection").Output);
        Assert.Equal(401, Assert.Single(await RequestsAsync()).Status);
    }

    [Theory]
    [InlineData("http://example.com/v2", "plain http")]
    [InlineData("ftp://127.0.0.1/v2", "http")]
    [InlineData("relative/path", "absolute")]
    public async Task Connect_refuses_unsafe_or_malformed_base_uris_before_any_request(string uri, string expected)
    {
        Shell.SetVariable("uri", uri);

        var result = Run("Connect-Dyte -BaseUri $uri -OrganizationId $DyteTestOrg -ApiKey $DyteTestKey");

        Assert.Contains(expected, Assert.Single(result.Errors).ToString());
        Assert.Empty(await RequestsAsync());
    }

    [Fact]
    public void Unreachable_endpoint_is_a_terminating_connection_error()
    {
        // A port nobody listens on: bind one, note it, release it.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Shell.SetVariable("uri", $"http://127.0.0.1:{port}/v2");

        // No retries: this is about how the failure reads, not about retrying it.
        var result = Run("Connect-Dyte -BaseUri $uri -OrganizationId $DyteTestOrg -ApiKey $DyteTestKey -MaximumRetryCount 0");

        var error = Assert.Single(result.Errors);
        Assert.Equal("DyteConnectionFailed,DytePS.Commands.ConnectDyteCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
    }

    [Fact]
    public void Disconnect_forgets_the_connection_but_a_saved_one_keeps_working()
    {
        Run("$saved = Connect-Dyte -BaseUri $DyteTestUri -OrganizationId $DyteTestOrg -ApiKey $DyteTestKey -PassThru").ThrowIfFailed();

        Run("Disconnect-Dyte").ThrowIfFailed();

        Assert.Empty(Run("Get-DyteConnection").ThrowIfFailed().Output);
        Assert.Single(Run("New-DyteMeeting -Title saved -Connection $saved").ThrowIfFailed().Output);
    }

    [Fact]
    public void Connection_object_shows_where_it_points_but_never_the_key()
    {
        var result = Run("""
            Connect-Dyte -BaseUri $DyteTestUri -OrganizationId $DyteTestOrg -ApiKey $DyteTestKey -PassThru | Out-Host
            Get-DyteConnection | ForEach-Object { $_.ToString(); $_.PSObject.Properties | ForEach-Object { "$($_.Name)=$($_.Value)" } }
            """).ThrowIfFailed();

        var text = AllText(result);
        Assert.Contains(Org.Id, text);
        Assert.Contains(Org.ApiBaseUri.ToString(), text);
        Assert.DoesNotContain(Org.ApiKey, text);
        Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Org.Id}:{Org.ApiKey}")), text);
    }
}
