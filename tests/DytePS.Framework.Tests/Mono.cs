using System.Diagnostics;
using System.Text;

namespace DytePS.Framework.Tests;

/// <summary>
/// Mono, the stand-in for .NET Framework on Linux and macOS: it runs net472 programs with its
/// Framework-compatible class library (mscorlib, AppDomain.AssemblyResolve, no load contexts).
/// </summary>
internal static class Mono
{
    public const string InstallHint =
        "Mono is needed for the Windows PowerShell 5.1 (.NET Framework) leg and was not found on PATH, " +
        "and could not be installed here (the tests install it as root with apt-get: apt-get install -y mono-complete). " +
        "Install Mono 6.8 or later and run the tests again.";

    private static readonly Lazy<string?> Installed = new(FindOrInstall);

    /// <summary>
    /// The mono executable on PATH; when it is missing and this is a Debian/Ubuntu machine where the
    /// tests run as root (as on the project's machines and CI), it is installed first, once per test
    /// run, so that `dotnet test` alone runs this leg on a machine with only the .NET SDK. Null when
    /// neither worked: the leg then fails with <see cref="InstallHint"/>, it is never skipped.
    /// </summary>
    public static string? Find() => Installed.Value;

    private static string? FindOrInstall()
    {
        var found = FindOnPath();
        if (found != null || !OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get") || Environment.UserName != "root")
            return found;
        foreach (var step in new[] { "update", "install -y mono-complete" })
        {
            var apt = new ProcessStartInfo("/usr/bin/apt-get", step) { UseShellExecute = false };
            apt.Environment["DEBIAN_FRONTEND"] = "noninteractive";
            using var process = Process.Start(apt)!;
            process.WaitForExit();
            if (process.ExitCode != 0) return null;
        }
        return FindOnPath();
    }

    private static string? FindOnPath()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, OperatingSystem.IsWindows() ? "mono.exe" : "mono");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Runs a .NET Framework program under Mono; killed if it outlives the timeout.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var mono = Find() ?? throw new InvalidOperationException(InstallHint);
        var start = new ProcessStartInfo(mono)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        // --debug: stack traces with file and line numbers when a check throws.
        start.ArgumentList.Add("--debug");
        start.ArgumentList.Add(program);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

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
            return (-1, await output, $"did not finish within {timeout.TotalSeconds:0} s\n" + await errors);
        }
        return (process.ExitCode, await output, await errors);
    }
}
