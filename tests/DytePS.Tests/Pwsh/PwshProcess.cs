using System.Diagnostics;
using System.Text;
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
    public static async Task<PwshResult> RunFileAsync(string scriptPath, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
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

    private static async Task<PwshResult> DotnetAsync(IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            // The tool manifest is found from the working directory.
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // Nothing of the test process's own connection leaks in: tests of the environment connection set these.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("DYTE_", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        start.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        start.Environment["POWERSHELL_UPDATECHECK"] = "Off";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new PwshResult(-1, await output, $"timed out after {timeout}\n" + await errors);
        }
        return new PwshResult(process.ExitCode, await output, await errors);
    }
}

internal sealed record PwshResult(int ExitCode, string Output, string Errors);
