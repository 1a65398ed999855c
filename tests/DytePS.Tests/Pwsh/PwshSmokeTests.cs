using System.Text;
using DytePS.Playground;
using DytePS.Tests.Examples;
using Xunit;

namespace DytePS.Tests.Pwsh;

/// <summary>
/// One smoke run of the module in the real pwsh 7.6 (the dotnet tool), beside the Pester suite:
/// import by manifest, connect, create, list, and the Utility commands users pipe into
/// (Select-Object, Export-Csv, Import-Csv, Format-Table). Every documented example runs in the
/// hosted engine (<see cref="ExampleRunnerTests"/>), which has the same command set.
/// </summary>
public sealed class PwshSmokeTests : EngineTest, IDisposable
{
    private string? _folder;

    public void Dispose()
    {
        if (_folder != null) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_module_imports_connects_and_lists_in_pwsh()
    {
        _folder = Directory.CreateTempSubdirectory("dyteps-pwsh-smoke-").FullName;
        var script = Path.Combine(_folder, "smoke.ps1");
        await File.WriteAllTextAsync(script, $$"""
            $ErrorActionPreference = 'Stop'
            $ProgressPreference = 'SilentlyContinue'
            Import-Module -Name {{PwshProcess.Quote(BuildPaths.ModuleManifest)}}
            $apiKey = ConvertTo-SecureString -String {{PwshProcess.Quote(Org.ApiKey)}} -AsPlainText -Force
            Connect-Dyte -BaseUri {{PwshProcess.Quote(Org.ApiBaseUri.ToString())}} -OrganizationId {{PwshProcess.Quote(Org.Id)}} -ApiKey $apiKey
            $created = New-DyteMeeting -Title 'Smoke in pwsh'
            $csv = Join-Path {{PwshProcess.Quote(_folder)}} 'meetings.csv'
            Get-DyteMeeting | Select-Object Id, Title | Export-Csv -LiteralPath $csv
            $row = Import-Csv -LiteralPath $csv | Where-Object Id -eq $created.Id
            if ($row.Title -ne 'Smoke in pwsh') { throw "the listing did not round-trip through a CSV: $row" }
            Get-DyteMeeting -MeetingId $created.Id | Format-Table | Out-String
            "smoke-completed $($PSVersionTable.PSVersion)"

            """, new UTF8Encoding(false));

        var result = await PwshProcess.RunFileAsync(script, TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 0, $"the smoke run failed in pwsh (exit {result.ExitCode}):\n{result.Errors}\n{result.Output}");
        Assert.Contains("Smoke in pwsh", result.Output);
        Assert.Contains("smoke-completed 7.6", result.Output);
    }
}
