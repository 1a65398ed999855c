using System.Text;
using Xunit;

namespace DytePS.Tests;

/// <summary>
/// Runs commands with every stream captured (-Verbose -Debug, *>&amp;1, errors, host text) on
/// success and failure paths, and searches everything for the API key in any form.
/// </summary>
public sealed class SecretHygieneTests : EngineTest
{
    private IEnumerable<string> SecretForms =>
    [
        Org.ApiKey,
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Org.Id}:{Org.ApiKey}")),
    ];

    [Theory]
    [InlineData("Get-DyteConnection | Out-Host; Get-DyteConnection | ForEach-Object { $_ | Format-List * -ErrorAction SilentlyContinue }")]
    [InlineData("New-DyteMeeting -Title secret-check -Verbose -Debug *>&1")]
    [InlineData("Get-DyteMeeting -Verbose -Debug *>&1")]
    [InlineData("Get-DyteMeeting -MeetingId ([guid]::NewGuid()) -Verbose -Debug *>&1")]
    [InlineData("Set-DyteMeeting -MeetingId ([guid]::NewGuid()) -Title x -Verbose -Debug *>&1")]
    [InlineData("Set-DyteMeeting -MeetingId ([guid]::NewGuid()) -Title x -WhatIf -Verbose -Debug *>&1")]
    [InlineData("Connect-Dyte -BaseUri $DyteTestUri -OrganizationId $DyteTestOrg -ApiKey $DyteTestKey -PassThru -Verbose -Debug *>&1")]
    [InlineData("Connect-Dyte -BaseUri $DyteTestUri -OrganizationId ([guid]::NewGuid()) -ApiKey $DyteTestKey -Verbose -Debug *>&1")]
    [InlineData("Connect-Dyte -BaseUri 'http://example.com/v2' -OrganizationId $DyteTestOrg -ApiKey $DyteTestKey -Verbose -Debug *>&1")]
    [InlineData("$Error.Clear(); Get-DyteMeeting -MeetingId ([guid]::NewGuid()) -ErrorAction SilentlyContinue; $Error | ForEach-Object { $_ | Out-String -ErrorAction SilentlyContinue; $_.Exception.ToString(); $_.ErrorDetails.Message }")]
    public void The_api_key_never_appears_in_any_stream(string script)
    {
        Run("New-DyteMeeting -Title seed").ThrowIfFailed();

        var result = Run(script);

        var text = AllText(result);
        Assert.NotEmpty(text);
        foreach (var secret in SecretForms) Assert.DoesNotContain(secret, text);
    }
}
