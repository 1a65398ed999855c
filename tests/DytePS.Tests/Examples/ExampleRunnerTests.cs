using System.Collections;
using DytePS.Playground;
using DytePS.Tests.Connection;
using Xunit;
using Xunit.Abstractions;

namespace DytePS.Tests.Examples;

/// <summary>
/// Examples that cannot rot: every example of every help page and every script in examples/
/// runs in the real engine against its own emulator organization (filled with the standard
/// content the docs describe) and must write no error. Examples that need commands the hosted
/// engine lacks (Import-Csv, Read-Host, ...) run in the real pwsh (<see cref="PwshExampleTests"/>).
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ExampleRunnerTests(ITestOutputHelper output) : EngineTest, IDisposable
{
    private static readonly Lazy<Task<(string Body, Hashtable Headers)>> Delivery = new(StandardContent.CaptureDeliveryAsync);
    private static readonly Lazy<IReadOnlySet<string>> AvailableCommands = new(() =>
    {
        using var shell = DyteShell.Open();
        return shell.Run("Get-Command | ForEach-Object Name").ThrowIfFailed().Output.Select(o => o.ToString()!).ToHashSet(StringComparer.OrdinalIgnoreCase);
    });

    private static readonly string[] Variables = ["DYTE_BASE_URI", "DYTE_ORG_ID", "DYTE_API_KEY", "DYTE_RTK_BASE_URI"];
    private string? _folder;

    /// <summary>The examples this engine can run (the rest need commands only the full PowerShell has).</summary>
    public static TheoryData<string> Examples() =>
        new(DocumentedExample.All().Where(e => e.MissingCommands(AvailableCommands.Value).Count == 0).Select(e => e.ToString()));

    public void Dispose()
    {
        foreach (var name in Variables) Environment.SetEnvironmentVariable(name, null);
        if (_folder != null) Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_example_runs_cleanly(string name)
    {
        var example = DocumentedExample.All().Single(e => e.ToString() == name);

        await PrepareAsync();
        var result = Shell.Run(example.Code);

        Assert.True(result.Terminating is null, $"{example} terminated: {result.Terminating?.Message}");
        Assert.True(result.Errors.Count == 0, $"{example} wrote errors:\n" + string.Join("\n", result.Errors.Select(e => $"[{e.FullyQualifiedErrorId}] {e}")));
    }

    [Fact]
    public void Examples_the_engine_cannot_run_are_run_in_pwsh()
    {
        var elsewhere = DocumentedExample.All().Select(e => (Example: e, Missing: e.MissingCommands(AvailableCommands.Value))).Where(x => x.Missing.Count > 0).ToList();
        foreach (var (example, missing) in elsewhere) output.WriteLine($"{example}: needs {string.Join(", ", missing)}");

        // What they lack is PowerShell's own commands, never a DytePS cmdlet (that would be a missing export).
        Assert.All(elsewhere, x => Assert.DoesNotContain(x.Missing, m => m.Contains("Dyte", StringComparison.OrdinalIgnoreCase)));
        // Help examples run in PwshExampleTests; scripts need arguments, which the Pester suite gives them.
        var pester = File.ReadAllText(Path.Combine(BuildPaths.RepoRoot, "tests", "Pester", "DytePS.Tests.ps1"));
        Assert.All(elsewhere.Where(x => x.Example.Source.StartsWith("examples/", StringComparison.Ordinal)),
            x => Assert.Contains(Path.GetFileName(x.Example.Source), pester));
    }

    [Fact]
    public void Every_page_has_an_example_the_engine_runs()
    {
        var runnable = DocumentedExample.All().Where(e => e.Source.EndsWith(".md", StringComparison.Ordinal) && e.MissingCommands(AvailableCommands.Value).Count == 0)
            .Select(e => e.Source).ToHashSet();

        Assert.All(Help.HelpPages.All.Keys, page => Assert.Contains(page + ".md", runnable));
    }

    /// <summary>Fresh organization, standard content, environment, variables, a temporary current folder, a connection.</summary>
    private async Task PrepareAsync()
    {
        await StandardContent.FillAsync(Org, Shell);
        var (body, headers) = await Delivery.Value;
        Environment.SetEnvironmentVariable("DYTE_BASE_URI", Org.ApiBaseUri.ToString());
        Environment.SetEnvironmentVariable("DYTE_ORG_ID", Org.Id);
        Environment.SetEnvironmentVariable("DYTE_API_KEY", Org.ApiKey);
        Environment.SetEnvironmentVariable("DYTE_RTK_BASE_URI", Org.RealtimeKitRoot.ToString());
        Shell.SetVariable("orgId", Org.Id);
        Shell.SetVariable("apiKey", Secure(Org.ApiKey));
        Shell.SetVariable("accountId", Org.AccountId);
        Shell.SetVariable("appId", Org.Id);
        Shell.SetVariable("apiToken", Secure(Org.ApiKey));
        Shell.SetVariable("body", body);
        Shell.SetVariable("headers", headers.Clone());
        Shell.Run("$Request = [pscustomobject]@{ RawBody = $body; Headers = $headers }").ThrowIfFailed();
        _folder = Directory.CreateTempSubdirectory("dyteps-example-").FullName;
        Directory.CreateDirectory(Path.Combine(_folder, "archive"));
        Shell.Runspace.SessionStateProxy.Path.SetLocation(_folder);
        await Org.ClearRequestsAsync();
    }
}
