using System.Diagnostics;
using System.Text;

namespace DytePS.Testing;

/// <summary>
/// Runs `dotnet ...` as a child process, with no standard input (as an Exec task or a scheduled job
/// would), and collects its output; killed with its children if it outlives the timeout. Compiled
/// into the tool test projects too (linked source), so they need not reference the emulator.
/// </summary>
public static class DotnetProcess
{
    /// <summary>The dotnet host running the tests, else the one on PATH.</summary>
    public static string Host =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static async Task<ProcessResult> RunAsync(IEnumerable<string> arguments, TimeSpan timeout,
        string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(Host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        if (workingDirectory != null) start.WorkingDirectory = workingDirectory;
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

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
            return new ProcessResult(-1, await output, $"did not finish within {timeout.TotalSeconds:0} s\n" + await errors, TimedOut: true);
        }
        return new ProcessResult(process.ExitCode, await output, await errors, TimedOut: false);
    }
}

public sealed record ProcessResult(int ExitCode, string Output, string Errors, bool TimedOut);
