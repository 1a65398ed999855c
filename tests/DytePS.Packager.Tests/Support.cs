using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using System.Reflection;

namespace DytePS.Packager.Tests;

/// <summary>Where the repository and the built module folder are, recorded at build time.</summary>
internal static class Paths
{
    public static string RepoRoot { get; } = Metadata("RepoRoot");

    /// <summary>out/DytePS/DytePS.psd1, the module folder that `dotnet build` assembles.</summary>
    public static string ModuleManifest { get; } = Metadata("ModuleManifest");

    public static string ModuleFolder => Path.GetDirectoryName(ModuleManifest)!;

    public static string InRepo(params string[] parts) => Path.Combine([RepoRoot, .. parts]);

    /// <summary>The configuration this test project was built in (Debug under a plain dotnet test).</summary>
    public static string BuildConfiguration { get; } = Metadata("BuildConfiguration");

    /// <summary>$(Version) as MSBuild computed it from Directory.Build.props for this build.</summary>
    public static string BuildVersion { get; } = Metadata("BuildVersion");

    private static string Metadata(string key) =>
        typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

/// <summary>A folder under the temp directory, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dyteps-packager-" + Guid.NewGuid().ToString("N"));

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>A copy of the built module folder at &lt;temp&gt;/&lt;subfolder&gt;/DytePS, to damage or extend.</summary>
    public string CopyModule(string subfolder = "module")
    {
        var target = Combine(subfolder, "DytePS");
        foreach (var file in Directory.EnumerateFiles(Paths.ModuleFolder, "*", SearchOption.AllDirectories))
        {
            var copy = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(Paths.ModuleFolder, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return target;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>The PowerShell engine, hosted: data files read as Import-PowerShellDataFile reads them, and runspaces with the Core commands.</summary>
internal static class Engine
{
    /// <summary>
    /// A .psd1 as Import-PowerShellDataFile reads it (that cmdlet is not among the Core commands):
    /// parsed by the engine's parser, constant values only.
    /// </summary>
    public static Hashtable ReadDataFile(string path)
    {
        var ast = Parser.ParseFile(path, out _, out var errors);
        Assert.True(errors.Length == 0, $"{path} does not parse: {string.Join("; ", errors.Select(e => e.Message))}");
        var table = Assert.IsType<HashtableAst>(ast.Find(node => node is HashtableAst, searchNestedScriptBlocks: false));
        return (Hashtable)table.SafeGetValue();
    }

    /// <summary>A runspace with the Core commands (InitialSessionState.CreateDefault2), optionally with a module imported.</summary>
    public static Runspace Open(string? importManifest = null)
    {
        var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        if (importManifest != null) Run(runspace, "Import-Module -Name $args[0] -ErrorAction Stop", importManifest);
        return runspace;
    }

    /// <summary>Runs script text; fails the test on any error record.</summary>
    public static IReadOnlyList<object?> Run(Runspace runspace, string script, params object?[] args)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript(script);
        foreach (var arg in args) ps.AddArgument(arg);
        var output = ps.Invoke();
        Assert.True(ps.Streams.Error.Count == 0, $"'{script}' wrote errors: {string.Join("; ", ps.Streams.Error)}");
        return output.Select(o => o?.BaseObject).ToList();
    }

    public static IEnumerable<string> Strings(object? value) => value switch
    {
        null => [],
        string s => [s],
        IEnumerable many => many.Cast<object?>().Select(v => v?.ToString() ?? string.Empty),
        var single => [single.ToString()!],
    };
}
