using DytePS.Testing;
using Xunit;

namespace DytePS.Framework.Tests;

/// <summary>
/// One run of the Framework host against the emulator, shared by the tests of
/// <see cref="FrameworkLegTests"/>: a first process imports and removes the module (the
/// resolver must be gone afterwards), a second imports it and drives the client end to end.
/// Each prints "PASS name: detail" or "FAIL name: reason" per check.
/// </summary>
public sealed class FrameworkHostRun : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    public Dictionary<string, (bool Passed, string Detail)> Checks { get; } = new();

    /// <summary>Both runs' output and errors, for failure messages.</summary>
    public string Transcript { get; private set; } = "";

    public List<int> ExitCodes { get; } = new();

    public async Task InitializeAsync()
    {
        if (Mono.Find() is null)
        {
            Transcript = Mono.InstallHint;
            return;
        }
        var organization = await SharedEmulator.NewOrganizationAsync(lifecycleDelayMs: 0);
        var arguments = new List<string>
        {
            "--module", RepoPaths.ModuleFolder,
            "--api", organization.ApiBaseUri.ToString(),
            "--control", organization.Emulator.ControlUri.ToString(),
            "--org", organization.Id,
            "--key", organization.ApiKey,
            "--other-restsharp", BuildMetadata.ConflictingRestSharp,
        };
        await RunAsync([.. arguments, "--phase", "remove-module"]);
        await RunAsync(arguments);
    }

    private async Task RunAsync(IEnumerable<string> arguments)
    {
        var (exitCode, output, errors) = await Mono.RunAsync(BuildMetadata.FrameworkHost, arguments, Timeout);
        ExitCodes.Add(exitCode);
        Transcript += $"--- exit code {exitCode}\n{output}{errors}\n";
        foreach (var line in output.Split('\n', StringSplitOptions.TrimEntries))
        {
            var passed = line.StartsWith("PASS ", StringComparison.Ordinal);
            if (!passed && !line.StartsWith("FAIL ", StringComparison.Ordinal)) continue;
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            var name = colon < 0 ? line[5..] : line[5..colon];
            Checks[name] = (passed, colon < 0 ? "" : line[(colon + 2)..]);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
