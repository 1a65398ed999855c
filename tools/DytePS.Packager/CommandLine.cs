using System.Globalization;

namespace DytePS.Packager;

/// <summary>The packager's command line: parses arguments, packs, reports; returns the exit code.</summary>
public static class CommandLine
{
    public const string Usage = """
        DytePS.Packager: packs a built PowerShell module folder into the .nupkg the PowerShell Gallery accepts.

        Usage:
          dotnet run --project tools/DytePS.Packager -- --module <folder> --out <folder> [--help-out <folder>]
          dotnet DytePS.Packager.dll --module <folder> --out <folder> [--help-out <folder>]
          dotnet DytePS.Packager.dll --help

        Options:
          --module <folder>  The module folder, named after its manifest (for example out/DytePS,
                             which dotnet build assembles).
          --out <folder>     Where to write <Name>.<Version>.nupkg; created if missing. An existing
                             package of the same name is replaced.
          --help-out <folder>
                             Also write the updatable help there: <Name>_<GUID>_HelpInfo.xml and
                             <Name>_<GUID>_<culture>_HelpContent.zip (Linux, macOS) and .cab
                             (Windows) for each culture folder of the module, the files
                             Update-Help and Save-Help fetch from the
                             manifest's HelpInfoUri (which must then be set).
          --help             Show this text.

        The package is laid out as PowerShellGet's Publish-Module lays it out: every module file at
        the package root (subfolders such as dependencies/ and en-US/ kept), <Name>.nuspec with the
        manifest's id, version, authors, owners (CompanyName), description, copyright, tags
        (PrivateData.PSData.Tags plus PSModule, PSIncludes_Cmdlet, PSCmdlet_<name> and
        PSCommand_<name>), projectUrl, licenseUrl, iconUrl and releaseNotes. bin/, obj/, *.pdb and
        hidden files are left out. The manifest is checked with the PowerShell engine's
        Test-ModuleManifest first. Entries carry the current time, or SOURCE_DATE_EPOCH when it is
        set: the same module folder and SOURCE_DATE_EPOCH give a byte-identical package.

        Exit code 0 and the package's full path on standard output when it was written (then, with
        --help-out, the path of each updatable help file, one a line). Otherwise 1, and each problem
        is printed to standard error.
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        string? module = null, output = null, helpOutput = null;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = args[i].Split('=', 2) is [var n, var v] && n.StartsWith("--") ? (n, v) : (args[i], null);
            switch (name)
            {
                case "--help" or "-h" or "-?" or "/?":
                    stdout.WriteLine(Usage);
                    return 0;
                case "--module" or "--out" or "--help-out":
                    var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
                    if (string.IsNullOrWhiteSpace(value)) return Fail(stderr, [$"{name} needs a folder."], usage: true);
                    if (name == "--module") module = value;
                    else if (name == "--out") output = value;
                    else helpOutput = value;
                    break;
                default:
                    return Fail(stderr, [$"unknown argument '{args[i]}'."], usage: true);
            }
        }
        if (module is null || output is null) return Fail(stderr, ["both --module and --out are required."], usage: true);

        PackageResult result;
        UpdatableHelpResult? help = null;
        try
        {
            result = ModulePackager.Pack(module, output, SourceDateEpoch());
        }
        catch (PackagingException e)
        {
            return Fail(stderr, e.Problems, usage: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(stderr, [e.Message], usage: false);
        }
        foreach (var skipped in result.Skipped) stderr.WriteLine($"DytePS.Packager : note: left out {skipped}");
        if (helpOutput != null)
        {
            try
            {
                help = UpdatableHelpWriter.Write(module, result.Metadata, helpOutput, SourceDateEpoch());
            }
            catch (Exception e) when (e is PackagingException or IOException or UnauthorizedAccessException)
            {
                var problems = e is PackagingException p ? p.Problems : [e.Message];
                foreach (var problem in problems) stderr.WriteLine($"DytePS.Packager : error: {problem}");
                stderr.WriteLine($"The package {result.PackagePath} was written; the updatable help was not.");
                return 1;
            }
        }
        stdout.WriteLine(result.PackagePath);
        if (help != null)
        {
            stdout.WriteLine(help.HelpInfoPath);
            foreach (var content in help.ContentPaths) stdout.WriteLine(content);
        }
        return 0;
    }

    /// <summary>SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds convention) when set: the time the package's entries carry.</summary>
    private static DateTimeOffset? SourceDateEpoch() =>
        long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static int Fail(TextWriter stderr, IReadOnlyList<string> problems, bool usage)
    {
        foreach (var problem in problems) stderr.WriteLine($"DytePS.Packager : error: {problem}");
        stderr.WriteLine(usage ? "Run with --help for usage." : "No package was written.");
        return 1;
    }
}
