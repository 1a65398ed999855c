using System.Text;
using DytePS.Testing;

namespace DytePS.Packager.Tests;

/// <summary>
/// The real pwsh: PowerShell 7.6.9, the dotnet tool pinned in .config/dotnet-tools.json, restored
/// once per run and started as `dotnet &lt;PSHOME&gt;/pwsh.dll`, so that it can run with HOME (and
/// with it the CurrentUser module, help and repository folders) moved to a temporary folder:
/// nothing a test installs reaches the real user profile.
/// </summary>
internal static class Pwsh
{
    private static readonly Lazy<Task<string>> Home = new(FindPSHomeAsync);

    /// <summary>Runs <paramref name="script"/> from a file in a fresh `pwsh -NoProfile -NonInteractive` whose HOME is <paramref name="home"/>.</summary>
    public static async Task<ProcessResult> RunAsync(string script, string home, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var psHome = await Home.Value;
        Directory.CreateDirectory(home);
        var file = Path.Combine(home, "script-" + Guid.NewGuid().ToString("N")[..8] + ".ps1");
        await File.WriteAllTextAsync(file, "$ErrorActionPreference = 'Stop'\n$ProgressPreference = 'SilentlyContinue'\n" + script, new UTF8Encoding(false));
        var variables = Isolated(home);
        // They exist in a real profile, and must here: .NET answers "" for a special folder that
        // does not exist, and PSResourceGet then keeps its repository list relative to the current
        // folder, so a later process (after an install created ~/.local/share) would not find it.
        foreach (var folder in new[] { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "LOCALAPPDATA", "APPDATA" })
            Directory.CreateDirectory(variables[folder]!);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>()) variables[name] = value;
        return await DotnetProcess.RunAsync(
            [Path.Combine(psHome, "pwsh.dll"), "-NoLogo", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-File", file],
            timeout, home, variables);
    }

    /// <summary>A PowerShell single-quoted string literal.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "''") + "'";

    /// <summary>
    /// HOME and the XDG folders under <paramref name="home"/>; PSModulePath unset so pwsh computes
    /// it from HOME; none of the test process's DYTE_ variables.
    /// </summary>
    private static Dictionary<string, string?> Isolated(string home)
    {
        var variables = new Dictionary<string, string?>
        {
            ["HOME"] = home,
            ["USERPROFILE"] = home,
            ["XDG_DATA_HOME"] = Path.Combine(home, ".local", "share"),
            ["XDG_CONFIG_HOME"] = Path.Combine(home, ".config"),
            ["XDG_CACHE_HOME"] = Path.Combine(home, ".cache"),
            ["LOCALAPPDATA"] = Path.Combine(home, "AppData", "Local"),
            ["APPDATA"] = Path.Combine(home, "AppData", "Roaming"),
            ["PSModulePath"] = null,
            ["POWERSHELL_TELEMETRY_OPTOUT"] = "1",
            ["POWERSHELL_UPDATECHECK"] = "Off",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["NO_COLOR"] = "1",
        };
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith("DYTE_", StringComparison.OrdinalIgnoreCase)))
            variables[name] = null;
        return variables;
    }

    /// <summary>Restores the pinned tool (from the repository root, where the tool manifest is) and asks it for $PSHOME.</summary>
    private static async Task<string> FindPSHomeAsync()
    {
        var restore = await DotnetProcess.RunAsync(["tool", "restore"], TimeSpan.FromMinutes(10), Paths.RepoRoot);
        if (restore.ExitCode != 0) throw new InvalidOperationException($"dotnet tool restore failed ({restore.ExitCode}):\n{restore.Output}\n{restore.Errors}");
        var run = await DotnetProcess.RunAsync(["tool", "run", "pwsh", "--", "-NoLogo", "-NoProfile", "-NonInteractive", "-Command", "$PSHOME"],
            TimeSpan.FromMinutes(2), Paths.RepoRoot, new Dictionary<string, string?> { ["POWERSHELL_TELEMETRY_OPTOUT"] = "1", ["POWERSHELL_UPDATECHECK"] = "Off" });
        var psHome = run.Output.Trim();
        if (run.ExitCode != 0 || !File.Exists(Path.Combine(psHome, "pwsh.dll")))
            throw new InvalidOperationException($"pwsh did not report a $PSHOME with pwsh.dll ({run.ExitCode}): {run.Output}\n{run.Errors}");
        return psHome;
    }
}
