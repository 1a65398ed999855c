using DytePS.Testing;
using Xunit;

namespace DytePS.Tests.Examples;

/// <summary>The playground runs ordinary scripts: the Utility commands users reach for are there, as in pwsh.</summary>
public sealed class PlaygroundTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dyteps-playground-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_script_with_Select_Object_Get_Date_Export_Csv_and_Format_Table_runs()
    {
        var script = Path.Combine(_folder, "ordinary.ps1");
        var csv = Path.Combine(_folder, "meetings.csv");
        await File.WriteAllTextAsync(script, $$"""
            New-DyteMeeting -Title "Planning $(Get-Date -Format yyyy)" | Out-Null
            Get-DyteMeeting | Select-Object Title, Status | Export-Csv -LiteralPath '{{csv.Replace("'", "''")}}'
            Import-Csv -LiteralPath '{{csv.Replace("'", "''")}}' | Format-Table -AutoSize
            """);

        var result = await DotnetProcess.RunAsync(
            [typeof(PlaygroundTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
                .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "PlaygroundAssembly").Value!, script],
            TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}:\n{result.Output}\n{result.Errors}");
        Assert.DoesNotContain("is not recognized", result.Output + result.Errors);
        Assert.Matches(@"Title\s+Status", result.Output);
        Assert.Contains($"Planning {DateTime.Now.Year}", result.Output);
        Assert.Contains("Planning", File.ReadAllText(csv));
    }
}
