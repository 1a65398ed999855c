using System.Management.Automation;
using Xunit;

namespace DytePS.Tests.RealtimeKit;

/// <summary>Where Cloudflare RealtimeKit differs from Dyte: how to connect, and what it lacks.</summary>
public sealed class RealtimeKitTests : EngineTest
{
    protected override bool RealtimeKit => true;

    [Fact]
    public async Task The_connection_points_at_the_app_below_the_Cloudflare_API_root()
    {
        var connection = Assert.Single(Run("Get-DyteConnection").ThrowIfFailed().Connections());
        Run("New-DyteMeeting -Title Migrated").ThrowIfFailed();

        Assert.Equal("RealtimeKit", connection.Str("Backend"));
        Assert.Equal(Org.Id, connection.Str("OrganizationId"));
        Assert.Equal(Org.AccountId, connection.Str("AccountId"));
        Assert.Equal($"{Org.RealtimeKitRoot.AbsoluteUri.TrimEnd('/')}/accounts/{Org.AccountId}/realtime/kit/{Org.Id}", connection.Get<Uri>("BaseUri").AbsoluteUri);
        Assert.Equal($"/client/v4/accounts/{Org.AccountId}/realtime/kit/{Org.Id}/meetings", Assert.Single(await RequestsAsync()).Path);
    }

    [Fact]
    public async Task PreferredRegion_is_refused_before_sending_because_RealtimeKit_has_none()
    {
        var result = Run("New-DyteMeeting -Title Regional -PreferredRegion ap-south-1");

        var error = Assert.Single(result.Errors);
        Assert.Equal("DyteNotSupported,DytePS.Commands.NewDyteMeetingCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("RealtimeKit", error.ErrorDetails.Message);
        Assert.Empty(await RequestsAsync());
    }

    [Fact]
    public void A_wrong_token_stops_with_an_authentication_error()
    {
        Shell.SetVariable("wrong", Secure("not-the-token"));

        var error = Assert.Single(Run("Connect-Dyte -AccountId $DyteTestAccount -AppId $DyteTestOrg -ApiToken $wrong -BaseUri $DyteTestRtkRoot").Errors);

        Assert.Equal("DyteUnauthorized,DytePS.Commands.ConnectDyteCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
    }
}
