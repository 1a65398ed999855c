using System.Reflection;
using System.Text;
using System.Text.Json;
using DytePS.Testing;
using Xunit;

namespace DytePS.Tests.Pwsh;

/// <summary>
/// The Pester 5 suite (tests/Pester) run for real: Pester 5.7.1 from NuGet in pwsh 7.6.9, against the
/// module folder and the emulator this build produced. Every Pester test must pass and none may be
/// skipped; the failures are reported with their Pester path and error.
/// </summary>
public sealed class PesterSuiteTests
{
    [Fact]
    public async Task The_Pester_suite_passes_in_pwsh()
    {
        var folder = Directory.CreateTempSubdirectory("dyteps-pester-").FullName;
        try
        {
            var summary = Path.Combine(folder, "summary.json");
            var runner = Path.Combine(folder, "run.ps1");
            await File.WriteAllTextAsync(runner, Runner(summary), new UTF8Encoding(false));

            var result = await PwshProcess.RunFileAsync(runner, TimeSpan.FromMinutes(15));

            Assert.True(File.Exists(summary), $"Pester wrote no summary (exit {result.ExitCode}):\n{result.Errors}\n{Tail(result.Output)}");
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(summary));
            var run = json.RootElement;
            var failures = run.GetProperty("Failures").EnumerateArray().Select(f => f.GetString()).ToList();
            Assert.True(run.GetProperty("Result").GetString() == "Passed",
                $"The Pester suite failed: {run}\n{string.Join("\n", failures)}\n{Tail(result.Output)}");
            Assert.True(run.GetProperty("PassedCount").GetInt32() > 0, "Pester ran no test");
            Assert.Equal(run.GetProperty("TotalCount").GetInt32(), run.GetProperty("PassedCount").GetInt32());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Runner(string summaryPath) => $$"""
        $ErrorActionPreference = 'Stop'
        Import-Module -Name {{PwshProcess.Quote(Metadata("PesterManifest"))}}
        $settings = New-PesterConfiguration
        $settings.Run.Container = New-PesterContainer -Path {{PwshProcess.Quote(RepoPaths.InRepo("tests", "Pester", "DytePS.Tests.ps1"))}} -Data @{ Configuration = {{PwshProcess.Quote(Metadata("BuildConfiguration"))}} }
        $settings.Run.PassThru = $true
        $settings.Output.Verbosity = 'Detailed'
        $settings.Output.RenderMode = 'Plaintext'
        $run = Invoke-Pester -Configuration $settings
        $failures = @(
            $run.Failed | ForEach-Object { "$($_.ExpandedPath): $($_.ErrorRecord -join '; ')" }
            $run.FailedBlocks | ForEach-Object { "block $($_.ExpandedPath): $($_.ErrorRecord -join '; ')" }
            $run.FailedContainers | ForEach-Object { "container $($_.Item): $($_.ErrorRecord -join '; ')" }
        )
        [ordered]@{
            Result       = [string] $run.Result
            TotalCount   = $run.TotalCount
            PassedCount  = $run.PassedCount
            FailedCount  = $run.FailedCount
            SkippedCount = $run.SkippedCount
            NotRunCount  = $run.NotRunCount
            Failures     = $failures
        } | ConvertTo-Json -Depth 3 | Set-Content -LiteralPath {{PwshProcess.Quote(summaryPath)}} -Encoding utf8
        """;

    private static string Metadata(string key) =>
        typeof(PesterSuiteTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static string Tail(string text) => text.Length <= 6000 ? text : text[^6000..];
}
