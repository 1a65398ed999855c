using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using NuGet.Versioning;

namespace DytePS.Packager;

/// <summary>
/// Reads a module manifest the way PowerShellGet does before publishing: the real PowerShell
/// engine's Test-ModuleManifest validates it (every file it names must exist) and describes the
/// module; the data file itself is parsed with the engine's parser for what PSModuleInfo leaves
/// out (RequiredModules as written).
/// </summary>
public static class ModuleManifestReader
{
    /// <summary>Reads and checks <paramref name="manifestPath"/>; throws <see cref="PackagingException"/> listing every problem.</summary>
    public static ModuleMetadata Read(string manifestPath)
    {
        var data = ReadDataFile(manifestPath);
        var missing = MissingFiles(data, manifestPath);
        if (missing.Count > 0) throw new PackagingException(missing);
        var module = TestModuleManifest(manifestPath);
        var problems = new List<string>();

        var psData = Table(Table(module.PrivateData)?["PSData"]);
        string? PSData(string key) => Text(psData?[key]);

        if (string.IsNullOrWhiteSpace(module.Author))
            problems.Add($"{manifestPath}: Author is empty; the PowerShell Gallery needs it (it becomes the package's authors).");
        if (string.IsNullOrWhiteSpace(module.Description))
            problems.Add($"{manifestPath}: Description is empty; the PowerShell Gallery needs it.");

        var version = module.Version.ToString();
        var prerelease = PSData("Prerelease");
        if (!string.IsNullOrWhiteSpace(prerelease)) version += "-" + prerelease.TrimStart('-');
        if (!NuGetVersion.TryParse(version, out var nugetVersion))
            problems.Add($"{manifestPath}: '{version}' (ModuleVersion and PSData.Prerelease) is not a valid package version.");

        var tags = Strings(psData?["Tags"]);
        foreach (var tag in tags.Where(t => t.Length == 0 || t.Any(char.IsWhiteSpace)))
            problems.Add($"{manifestPath}: the tag '{tag}' is empty or has white space; package tags are separated by spaces, so it would split.");

        if (psData?["RequireLicenseAcceptance"] is { } accept && LanguagePrimitives.IsTrue(accept))
            problems.Add($"{manifestPath}: RequireLicenseAcceptance is true; this packager writes only packages that need no acceptance (Publish-Module handles the license.txt that acceptance needs).");

        var projectUri = Url(PSData("ProjectUri"), "ProjectUri", manifestPath, problems);
        var licenseUri = Url(PSData("LicenseUri"), "LicenseUri", manifestPath, problems);
        var iconUri = Url(PSData("IconUri"), "IconUri", manifestPath, problems);
        var helpInfoUri = Url(module.HelpInfoUri, "HelpInfoUri", manifestPath, problems, key: "HelpInfoUri");
        var dependencies = Dependencies(data["RequiredModules"], manifestPath, problems);

        if (problems.Count > 0) throw new PackagingException(problems);
        return new ModuleMetadata
        {
            Name = module.Name,
            Version = nugetVersion!,
            Author = module.Author.Trim(),
            Guid = module.Guid,
            HelpInfoUri = helpInfoUri,
            CompanyName = string.IsNullOrWhiteSpace(module.CompanyName) ? null : module.CompanyName.Trim(),
            Description = module.Description.Trim(),
            Copyright = string.IsNullOrWhiteSpace(module.Copyright) ? null : module.Copyright.Trim(),
            Tags = tags,
            ProjectUri = projectUri,
            LicenseUri = licenseUri,
            IconUri = iconUri,
            ReleaseNotes = PSData("ReleaseNotes"),
            ExportedCmdlets = module.ExportedCmdlets.Keys.ToList(),
            ExportedFunctions = module.ExportedFunctions.Keys.ToList(),
            ExportedCommands = module.ExportedCommands.Keys.ToList(),
            Dependencies = dependencies,
        };
    }

    /// <summary>
    /// The manifest's hashtable, read as Import-PowerShellDataFile reads it: parsed by the engine's
    /// parser, values taken only if they are constants (SafeGetValue), nothing executed.
    /// </summary>
    public static Hashtable ReadDataFile(string path)
    {
        var ast = Parser.ParseFile(path, out _, out var errors);
        if (errors.Length > 0)
            throw new PackagingException(errors.Select(e => $"{path}({e.Extent.StartLineNumber},{e.Extent.StartColumnNumber}): {e.Message}").ToList());
        var table = ast.Find(node => node is HashtableAst, searchNestedScriptBlocks: false) as HashtableAst;
        if (table is null || ast.EndBlock.Statements.Count != 1)
            throw new PackagingException($"{path}: not a PowerShell data file (it must hold a single hashtable @{{ ... }}).");
        try
        {
            return (Hashtable)table.SafeGetValue();
        }
        catch (InvalidOperationException e)
        {
            throw new PackagingException($"{path}: {e.Message}");
        }
    }

    /// <summary>Keys whose values name files of the module; each must be in the module folder.</summary>
    private static readonly string[] FileKeys = ["RootModule", "ModuleToProcess", "NestedModules", "FormatsToProcess", "TypesToProcess", "RequiredAssemblies", "ScriptsToProcess", "FileList"];

    /// <summary>
    /// Files the manifest names that are not in its folder, said plainly (Test-ModuleManifest's own
    /// message for a missing RootModule calls the manifest invalid). Module names that are not file
    /// names (a NestedModules entry such as 'OtherModule') are left to Test-ModuleManifest.
    /// </summary>
    private static readonly string[] ModuleFileExtensions = [".dll", ".exe", ".psm1", ".ps1", ".psd1", ".cdxml", ".xaml"];

    private static List<string> MissingFiles(Hashtable data, string manifestPath)
    {
        var folder = Path.GetDirectoryName(manifestPath)!;
        var problems = new List<string>();
        foreach (var key in FileKeys)
        {
            foreach (var entry in Items(data[key]).OfType<string>())
            {
                var namesModuleOrAssembly = key is "RootModule" or "ModuleToProcess" or "NestedModules" or "RequiredAssemblies";
                var looksLikeFile = !namesModuleOrAssembly || ModuleFileExtensions.Contains(Path.GetExtension(entry), StringComparer.OrdinalIgnoreCase);
                if (!looksLikeFile || string.IsNullOrWhiteSpace(entry)) continue;
                if (!File.Exists(Path.Combine(folder, entry)))
                    problems.Add($"{manifestPath}: {key} names '{entry}', which is not in the module folder {folder}.");
            }
        }
        return problems;
    }

    private static PSModuleInfo TestModuleManifest(string manifestPath)
    {
        // CreateDefault2: the Core commands only, which include Test-ModuleManifest; no profile, no user modules.
        using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddCommand("Test-ModuleManifest").AddParameter("Path", manifestPath);
        IReadOnlyList<PSObject> output;
        try
        {
            output = ps.Invoke();
        }
        catch (RuntimeException e)
        {
            throw new PackagingException($"{manifestPath}: {e.Message}");
        }
        if (ps.Streams.Error.Count > 0)
            throw new PackagingException(ps.Streams.Error.Select(e => $"{manifestPath}: {e.Exception?.Message ?? e.ToString()}").Distinct().ToList());
        return output.Select(o => o.BaseObject).OfType<PSModuleInfo>().SingleOrDefault()
            ?? throw new PackagingException($"{manifestPath}: Test-ModuleManifest returned no module.");
    }

    /// <summary>RequiredModules entries: 'Name', or @{ ModuleName; ModuleVersion | RequiredVersion | MaximumVersion }.</summary>
    public static IReadOnlyList<ModuleDependency> Dependencies(object? requiredModules, string manifestPath, List<string> problems)
    {
        var dependencies = new List<ModuleDependency>();
        foreach (var entry in Items(requiredModules))
        {
            if (entry is string name)
            {
                dependencies.Add(new ModuleDependency(name, null));
                continue;
            }
            var spec = Table(entry);
            var id = Text(spec?["ModuleName"]);
            if (spec is null || string.IsNullOrWhiteSpace(id))
            {
                problems.Add($"{manifestPath}: a RequiredModules entry is neither a module name nor a hashtable with ModuleName.");
                continue;
            }
            NuGetVersion? Version(string key)
            {
                var text = Text(spec[key]);
                if (text is null) return null;
                if (NuGetVersion.TryParse(text, out var parsed)) return parsed;
                problems.Add($"{manifestPath}: RequiredModules '{id}': {key} '{text}' is not a version.");
                return null;
            }
            var required = Version("RequiredVersion");
            var minimum = Version("ModuleVersion");
            var maximum = Version("MaximumVersion");
            var range = required != null ? new VersionRange(required, true, required, true)
                : minimum != null || maximum != null ? new VersionRange(minimum, true, maximum, true)
                : null;
            dependencies.Add(new ModuleDependency(id, range));
        }
        return dependencies;
    }

    private static Uri? Url(string? text, string name, string manifestPath, List<string> problems, string? key = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)) return uri;
        problems.Add($"{manifestPath}: {key ?? "PSData." + name} '{text}' is not an absolute http(s) URL.");
        return null;
    }

    private static Hashtable? Table(object? value) => Unwrap(value) as Hashtable;

    private static string? Text(object? value) => Unwrap(value) switch
    {
        null => null,
        string s => s,
        object[] lines => string.Join(Environment.NewLine, lines.Select(l => Unwrap(l)?.ToString())),
        var other => other.ToString(),
    };

    private static List<string> Strings(object? value) => Items(value).Select(v => v?.ToString() ?? string.Empty).ToList();

    private static IEnumerable<object?> Items(object? value) => Unwrap(value) switch
    {
        null => [],
        string s => [s],
        IEnumerable many and not IDictionary => many.Cast<object?>().Select(Unwrap),
        var single => [single],
    };

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}
