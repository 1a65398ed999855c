using DytePS.Testing;
using System.Reflection;
using Xunit;

namespace DytePS.Tests.Reliability;

/// <summary>
/// DytePS keeps its client and third-party dependencies in a private load context, so a module
/// that loaded another RestSharp first cannot break it. Run in a fresh process (the playground),
/// because a load context conflict can only be staged once per process.
/// </summary>
public sealed class DependencyIsolationTests : EngineTest
{
    private static string Metadata(string key) =>
        typeof(DependencyIsolationTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    [Fact]
    public async Task DytePS_works_after_another_module_loaded_an_older_RestSharp()
    {
        var oldRestSharp = Metadata("ConflictingRestSharp");
        Assert.True(File.Exists(oldRestSharp), oldRestSharp);
        var script = Path.Combine(Path.GetTempPath(), $"dyteps-isolation-{Guid.NewGuid():N}.ps1");
        await File.WriteAllTextAsync(script, """
            Connect-Dyte
            New-DyteMeeting -Title 'Isolated' | Out-Null
            "meetings=$(@(Get-DyteMeeting).Count)"
            "default-restsharp=$([AppDomain]::CurrentDomain.GetAssemblies().Where({ $_.GetName().Name -eq 'RestSharp' -and [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_) -eq [System.Runtime.Loader.AssemblyLoadContext]::Default }).GetName().Version)"
            "dyteps-restsharp=$([AppDomain]::CurrentDomain.GetAssemblies().Where({ $_.GetName().Name -eq 'RestSharp' -and [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_) -ne [System.Runtime.Loader.AssemblyLoadContext]::Default }).GetName().Version)"
            """);
        try
        {
            var (exitCode, output) = await RunPlaygroundAsync("--preload", oldRestSharp, script);

            Assert.True(exitCode == 0, output);
            Assert.Contains("Preloaded RestSharp 108.0.3.0", output);
            Assert.Contains("meetings=1", output);
            Assert.Contains("default-restsharp=108.0.3.0", output);
            Assert.Contains("dyteps-restsharp=114.", output);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public async Task Remove_Module_takes_the_resolver_away_and_Import_Module_brings_it_back()
    {
        // A fresh process: the resolver is process-wide, and other tests' runspaces import DytePS.
        var script = Path.Combine(Path.GetTempPath(), $"dyteps-remove-{Guid.NewGuid():N}.ps1");
        await File.WriteAllTextAsync(script, """
            function Find-Client { try { [System.Reflection.Assembly]::Load('DytePS.Client').Location } catch [System.IO.FileNotFoundException] { 'not found' } }
            $manifest = [System.IO.Path]::Combine((Get-Module DytePS).ModuleBase, 'DytePS.psd1')
            "imported=$(Find-Client)"
            Remove-Module DytePS
            "removed=$(Find-Client)"
            Import-Module $manifest
            "imported-again=$(Find-Client)"
            """);
        try
        {
            var (exitCode, output) = await RunPlaygroundAsync(script);

            Assert.True(exitCode == 0, output);
            Assert.DoesNotContain("ERROR", output);
            var dependencies = Path.Combine(RepoPaths.ModuleFolder, "dependencies", "DytePS.Client.dll");
            Assert.Contains("imported=" + dependencies, output);
            Assert.Contains("removed=not found", output);
            Assert.Contains("imported-again=" + dependencies, output);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public void The_cmdlet_assembly_references_no_third_party_library()
    {
        var references = Run("(Get-Module DytePS).ImplementingAssembly.GetReferencedAssemblies() | ForEach-Object Name").ThrowIfFailed()
            .Output.Select(o => o.ToString()).ToList();

        Assert.Contains("DytePS.Client", references);
        Assert.DoesNotContain("RestSharp", references);
        Assert.DoesNotContain("Polly.Core", references);
        Assert.DoesNotContain("System.Text.Json", references);
    }

    private static async Task<(int ExitCode, string Output)> RunPlaygroundAsync(params string[] arguments)
    {
        var result = await DotnetProcess.RunAsync([Metadata("PlaygroundAssembly"), .. arguments], TimeSpan.FromMinutes(2));
        return (result.ExitCode, result.Output + result.Errors);
    }
}
