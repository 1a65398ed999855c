using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace DytePS.Playground;

/// <summary>
/// A PowerShell 7 runspace with the full command set of pwsh (InitialSessionState.CreateDefault
/// from Microsoft.PowerShell.SDK: Select-Object, Import-Csv, Export-Csv, ConvertTo-Json,
/// Format-Table, ...) and DytePS imported from its built folder by manifest, exactly as a user imports it.
/// </summary>
public sealed class DyteShell : IDisposable
{
    private DyteShell(Runspace runspace, RecordingHost host)
    {
        Runspace = runspace;
        Host = host;
    }

    public Runspace Runspace { get; }

    public RecordingHost Host { get; }

    /// <summary>Opens a runspace and imports the module at <paramref name="manifestPath"/> (default: the built out/DytePS).</summary>
    /// <param name="echo">Also write host output here; ANSI colours are kept only when it is a terminal.</param>
    public static DyteShell Open(string? manifestPath = null, TextWriter? echo = null)
    {
        var colour = echo != null && echo == Console.Out && !Console.IsOutputRedirected;
        var host = new RecordingHost(echo, keepAnsi: colour);
        var runspace = RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault());
        runspace.Open();
        var shell = new DyteShell(runspace, host);
        var import = shell.Run("Import-Module -Name $args[0] -ErrorAction Stop", args: [manifestPath ?? BuildPaths.ModuleManifest]);
        if (import.Errors.Count > 0)
        {
            shell.Dispose();
            throw new InvalidOperationException("Import-Module DytePS failed: " + import.Errors[0]);
        }
        return shell;
    }

    /// <summary>
    /// Sets a global variable. Done by a script on the runspace rather than through SessionStateProxy, which
    /// writes to whatever session state the engine has current and can race the end of the previous run.
    /// </summary>
    public void SetVariable(string name, object? value) =>
        Run("$ExecutionContext.SessionState.PSVariable.Set($args[0], $args[1])", args: [name, value]).ThrowIfFailed();

    /// <summary>Runs script text to completion and returns every stream.</summary>
    public ShellResult Run(string script, IReadOnlyList<object?>? args = null)
    {
        using var ps = Create(script, args);
        Collection<PSObject> output;
        Exception? terminating = null;
        try
        {
            output = ps.Invoke();
        }
        catch (RuntimeException e)
        {
            output = new Collection<PSObject>();
            terminating = e;
        }
        return new ShellResult(ps, output, terminating);
    }

    /// <summary>A PowerShell instance bound to this runspace, for tests that start and stop it themselves.</summary>
    public PowerShell Create(string script, IReadOnlyList<object?>? args = null)
    {
        // The engine formats objects (ToString, format views) using the thread's default runspace.
        Runspace.DefaultRunspace = Runspace;
        var ps = PowerShell.Create();
        ps.Runspace = Runspace;
        ps.AddScript(script);
        foreach (var arg in args ?? []) ps.AddArgument(arg);
        return ps;
    }

    public void Dispose() => Runspace.Dispose();
}

/// <summary>What one script run produced, stream by stream.</summary>
public sealed class ShellResult
{
    internal ShellResult(PowerShell ps, Collection<PSObject> output, Exception? terminating)
    {
        Output = output;
        Errors = ps.Streams.Error.ToList();
        Verbose = ps.Streams.Verbose.Select(v => v.Message).ToList();
        Warnings = ps.Streams.Warning.Select(w => w.Message).ToList();
        Debug = ps.Streams.Debug.Select(d => d.Message).ToList();
        Information = ps.Streams.Information.Select(i => i.MessageData?.ToString() ?? string.Empty).ToList();
        Progress = ps.Streams.Progress.ToList();
        Terminating = terminating;
    }

    public IReadOnlyList<PSObject> Output { get; }
    public IReadOnlyList<ErrorRecord> Errors { get; }
    public IReadOnlyList<string> Verbose { get; }
    public IReadOnlyList<string> Warnings { get; }
    public IReadOnlyList<string> Debug { get; }
    public IReadOnlyList<string> Information { get; }
    public IReadOnlyList<ProgressRecord> Progress { get; }

    /// <summary>The exception that ended the whole script (for example under $ErrorActionPreference = 'Stop').</summary>
    public Exception? Terminating { get; }

    /// <summary>Output objects unwrapped to their .NET values.</summary>
    public IReadOnlyList<T> Objects<T>() => Output.Select(o => o.BaseObject).OfType<T>().ToList();

    /// <summary>Throws with every error's text when the run wrote errors or terminated.</summary>
    public ShellResult ThrowIfFailed()
    {
        if (Terminating != null) throw new InvalidOperationException("The script terminated: " + Terminating.Message, Terminating);
        if (Errors.Count > 0)
            throw new InvalidOperationException("The script wrote errors:\n" + string.Join("\n", Errors.Select(e => $"[{e.FullyQualifiedErrorId}] {e}")));
        return this;
    }
}

/// <summary>Paths recorded at build time.</summary>
public static class BuildPaths
{
    public static string RepoRoot { get; } = Metadata("RepoRoot");

    /// <summary>out/DytePS/DytePS.psd1: the module folder `dotnet build` assembles.</summary>
    public static string ModuleManifest { get; } = Metadata("ModuleManifest");

    private static string Metadata(string key) =>
        typeof(BuildPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
