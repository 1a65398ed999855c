using DytePS.Testing;

namespace DytePS.Tests.Pwsh;

/// <summary>
/// The real pwsh: PowerShell 7.6.9 as the dotnet tool pinned in .config/dotnet-tools.json, restored
/// from NuGet once per test run. For what the hosted engine cannot do: the Pester suite, and the
/// examples that use commands beyond Microsoft.PowerShell.Core (Import-Csv, Select-Object, ...).
/// </summary>
internal static class PwshProcess
{
    private static readonly Lazy<Task> Restored = new(RestoreAsync);

    /// <summary>Runs a script file in a fresh pwsh process (from the repository root, no profile, non-interactive).</summary>
    public static async Task<ProcessResult> RunFileAsync(string scriptPath, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        await Restored.Value;
        return await DotnetAsync(
            ["tool", "run", "pwsh", "--", "-NoLogo", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-File", scriptPath],
            timeout, environment);
    }

    /// <summary>A PowerShell single-quoted string literal.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "''") + "'";

    private static async Task RestoreAsync()
    {
        var restore = await DotnetAsync(["tool", "restore"], TimeSpan.FromMinutes(10));
        if (restore.ExitCode != 0)
            throw new InvalidOperationException($"dotnet tool restore failed ({restore.ExitCode}):\n{restore.Output}\n{restore.Errors}");
    }

    private static Task<ProcessResult> DotnetAsync(IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var variables = new Dictionary<string, string?>
        {
            ["POWERSHELL_TELEMETRY_OPTOUT"] = "1",
            ["POWERSHELL_UPDATECHECK"] = "Off",
            ["DOTNET_NOLOGO"] = "1",
            ["NO_COLOR"] = "1",
        };
        // Nothing of the test process's own connection leaks in: tests of the environment connection set these.
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith("DYTE_", StringComparison.OrdinalIgnoreCase)))
            variables[name] = null;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) variables[name] = value;
        // The tool manifest is found from the working directory.
        return DotnetProcess.RunAsync(arguments, timeout, RepoPaths.Root, variables);
    }
}
