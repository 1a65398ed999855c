using System.Collections;
using DytePS.Playground;
using DytePS.Tests.Connection;
using Xunit;
using Xunit.Abstractions;

namespace DytePS.Tests.Examples;

/// <summary>
/// Examples that cannot rot: every example of every help page and every script in examples/
/// runs in the real engine against its own emulator organization (filled with the standard
/// content the docs describe) and must write no error. The hosted engine has the full command set
/// of pwsh (Microsoft.PowerShell.SDK), so every example runs here; the real pwsh keeps the Pester
/// suite and one smoke run (<see cref="PwshSmokeTests"/>).
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

    /// <summary>Every example and recipe (<see cref="Every_example_runs_in_the_hosted_engine"/> checks none is left out).</summary>
    public static TheoryData<string> Examples() => new(DocumentedExample.All().Select(e => e.ToString()));

    /// <summary>How a recipe with mandatory parameters is called: as its own first example does, on the standard content.</summary>
    private static readonly Dictionary<string, string> RecipeArguments = new()
    {
        ["examples/Import-DyteParticipants.ps1"] = "-Path (Join-Path $RepoRoot examples/participants.csv) -OutputPath ./tokens.csv",
    };

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
        var result = RecipeArguments.TryGetValue(example.Source, out var arguments)
            ? Shell.Run($"& (Join-Path $RepoRoot '{example.Source}') {arguments}")
            : Shell.Run(example.Code);

        Assert.True(result.Terminating is null, $"{example} terminated: {result.Terminating?.Message}");
        Assert.True(result.Errors.Count == 0, $"{example} wrote errors:\n" + string.Join("\n", result.Errors.Select(e => $"[{e.FullyQualifiedErrorId}] {e}")));
    }

    [Fact]
    public void Every_example_runs_in_the_hosted_engine()
    {
        var missing = DocumentedExample.All().Select(e => (Example: e, Missing: e.MissingCommands(AvailableCommands.Value))).Where(x => x.Missing.Count > 0).ToList();
        foreach (var (example, commands) in missing) output.WriteLine($"{example}: needs {string.Join(", ", commands)}");

        Assert.Empty(missing);
        // The ones that were run only in pwsh before the engine had the full command set.
        Assert.Contains("Import-Csv", AvailableCommands.Value);
        Assert.Contains("Export-Csv", AvailableCommands.Value);
        Assert.Contains("Select-Object", AvailableCommands.Value);
        Assert.Contains("Read-Host", AvailableCommands.Value);
    }

    [Fact]
    public void Every_page_has_an_example_the_engine_runs()
    {
        var runnable = DocumentedExample.All().Where(e => e.Source.EndsWith(".md", StringComparison.Ordinal))
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
        Shell.SetVariable("RepoRoot", BuildPaths.RepoRoot);
        Shell.Run("$Request = [pscustomobject]@{ RawBody = $body; Headers = $headers }").ThrowIfFailed();
        // The user at the keyboard: the test host cannot be typed into, so Read-Host answers as they would.
        Shell.Run("""
            function global:Read-Host {
                param([Parameter(Position = 0)] $Prompt, [switch] $AsSecureString)
                if ($AsSecureString) { ConvertTo-SecureString -String 'typed-at-the-prompt' -AsPlainText -Force } else { 'typed-at-the-prompt' }
            }
            """).ThrowIfFailed();
        _folder = Directory.CreateTempSubdirectory("dyteps-example-").FullName;
        Directory.CreateDirectory(Path.Combine(_folder, "archive"));
        Shell.Runspace.SessionStateProxy.Path.SetLocation(_folder);
        await Org.ClearRequestsAsync();
    }
}
