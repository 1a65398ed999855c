using System.Collections;
using System.Text;
using System.Text.Json;
using DytePS.Playground;
using DytePS.Tests.Pwsh;
using Xunit;

namespace DytePS.Tests.Examples;

/// <summary>
/// The help examples the hosted engine cannot run (they use Import-Csv, Export-Csv, Read-Host, ...)
/// run in the real pwsh 7.6 instead, against the same standard content, and must write no error.
/// Each runs in its own pwsh process with the module imported from out/DytePS, connected with
/// Connect-Dyte, the DYTE_* variables set, and the variables the docs assume.
/// </summary>
public sealed class PwshExampleTests : EngineTest, IDisposable
{
    private static readonly Lazy<Task<(string Body, Hashtable Headers)>> Delivery = new(StandardContent.CaptureDeliveryAsync);
    private string? _folder;

    public static TheoryData<string> Examples() =>
        new(DocumentedExample.All().Where(e => e.Source.EndsWith(".md", StringComparison.Ordinal) && e.MissingCommands(HostedCommands.Value).Count > 0)
            .Select(e => e.ToString()));

    private static readonly Lazy<IReadOnlySet<string>> HostedCommands = new(() =>
    {
        using var shell = DyteShell.Open();
        return shell.Run("Get-Command | ForEach-Object Name").ThrowIfFailed().Output.Select(o => o.ToString()!).ToHashSet(StringComparer.OrdinalIgnoreCase);
    });

    public void Dispose()
    {
        if (_folder != null) Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_example_runs_cleanly_in_pwsh(string name)
    {
        var example = DocumentedExample.All().Single(e => e.ToString() == name);
        await StandardContent.FillAsync(Org, Shell);
        var (body, headers) = await Delivery.Value;
        _folder = Directory.CreateTempSubdirectory("dyteps-pwsh-example-").FullName;
        Directory.CreateDirectory(Path.Combine(_folder, "archive"));
        var script = Path.Combine(_folder, "example.ps1");
        await File.WriteAllTextAsync(script, Prelude(body, headers) + Wrapped(example.Code), new UTF8Encoding(false));

        var result = await PwshProcess.RunFileAsync(script, TimeSpan.FromMinutes(3), new Dictionary<string, string>
        {
            ["DYTE_BASE_URI"] = Org.ApiBaseUri.ToString(),
            ["DYTE_ORG_ID"] = Org.Id,
            ["DYTE_API_KEY"] = Org.ApiKey,
            ["DYTE_RTK_BASE_URI"] = Org.RealtimeKitRoot.ToString(),
        });

        Assert.True(result.ExitCode == 0, $"{example} failed in pwsh (exit {result.ExitCode}):\n{result.Errors}\n{result.Output}");
        Assert.Contains("example-completed", result.Output);
    }

    /// <summary>The same session the hosted runner gives an example, written as PowerShell.</summary>
    private string Prelude(string body, Hashtable headers)
    {
        var headersJson = JsonSerializer.Serialize(headers.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value?.ToString()));
        File.WriteAllText(Path.Combine(_folder!, "delivery.json"), body, new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(_folder!, "headers.json"), headersJson, new UTF8Encoding(false));
        return $$"""
            $ErrorActionPreference = 'Continue'
            $ProgressPreference = 'SilentlyContinue'
            Import-Module -Name {{PwshProcess.Quote(BuildPaths.ModuleManifest)}} -ErrorAction Stop
            $orgId = {{PwshProcess.Quote(Org.Id)}}
            $apiKey = ConvertTo-SecureString -String {{PwshProcess.Quote(Org.ApiKey)}} -AsPlainText -Force
            $accountId = {{PwshProcess.Quote(Org.AccountId)}}
            $appId = $orgId
            $apiToken = $apiKey
            Connect-Dyte -BaseUri {{PwshProcess.Quote(Org.ApiBaseUri.ToString())}} -OrganizationId $orgId -ApiKey $apiKey -ErrorAction Stop
            $body = [System.IO.File]::ReadAllText({{PwshProcess.Quote(Path.Combine(_folder!, "delivery.json"))}})
            $headers = @{}
            (Get-Content -Raw -LiteralPath {{PwshProcess.Quote(Path.Combine(_folder!, "headers.json"))}} | ConvertFrom-Json).PSObject.Properties |
                ForEach-Object { $headers[$_.Name] = $_.Value }
            $Request = [pscustomobject]@{ RawBody = $body; Headers = $headers }
            # The user at the keyboard: a process cannot be typed into, so Read-Host answers as they would.
            function Read-Host {
                param([Parameter(Position = 0)] $Prompt, [switch] $AsSecureString)
                if ($AsSecureString) { ConvertTo-SecureString -String 'typed-at-the-prompt' -AsPlainText -Force } else { 'typed-at-the-prompt' }
            }
            Set-Location -LiteralPath {{PwshProcess.Quote(_folder!)}}
            $Error.Clear()

            """;
    }

    /// <summary>Runs the example; any error record it leaves, or a terminating error, fails the process.</summary>
    private static string Wrapped(string code) => $$"""
        try {
        {{code}}
        }
        catch {
            [Console]::Error.WriteLine("terminated: [$($_.FullyQualifiedErrorId)] $_")
            exit 2
        }
        if ($Error.Count -gt 0) {
            $Error | ForEach-Object { [Console]::Error.WriteLine("[$($_.FullyQualifiedErrorId)] $_") }
            exit 1
        }
        'example-completed'

        """;
}
