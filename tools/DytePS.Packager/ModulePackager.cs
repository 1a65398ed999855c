using System.Globalization;
using NuGet.Frameworks;
using NuGet.Packaging;
using NuGet.Packaging.Core;

namespace DytePS.Packager;

/// <summary>What packaging produced.</summary>
public sealed record PackageResult(string PackagePath, ModuleMetadata Metadata, IReadOnlyList<string> Files, IReadOnlyList<string> Skipped);

/// <summary>
/// Packs a built module folder into &lt;Name&gt;.&lt;Version&gt;.nupkg in the layout Publish-Module
/// produces: every module file at the package root (subfolders kept), &lt;Name&gt;.nuspec beside
/// them, and the parts every NuGet package has ([Content_Types].xml, _rels/, package/).
/// </summary>
public static class ModulePackager
{
    /// <summary>Folder names never packed at any depth: build leftovers.</summary>
    private static readonly string[] SkippedFolders = ["bin", "obj"];

    /// <summary>Packs <paramref name="moduleFolder"/> into <paramref name="outputFolder"/>; throws <see cref="PackagingException"/> when the folder is not a valid module.</summary>
    /// <param name="timestamp">
    /// The time every entry of the package carries (default: now). The package is otherwise
    /// deterministic, so the same module folder and timestamp give the same bytes.
    /// </param>
    public static PackageResult Pack(string moduleFolder, string outputFolder, DateTimeOffset? timestamp = null)
    {
        moduleFolder = Path.GetFullPath(moduleFolder);
        if (!Directory.Exists(moduleFolder))
            throw new PackagingException($"{moduleFolder}: the module folder does not exist (build it first: dotnet build).");
        var name = Path.GetFileName(moduleFolder.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var manifestPath = Path.Combine(moduleFolder, name + ".psd1");
        if (!File.Exists(manifestPath))
            throw new PackagingException($"{moduleFolder}: no module manifest {name}.psd1 (a module folder is named after its manifest, as PowerShellGet requires).");

        var metadata = ModuleManifestReader.Read(manifestPath);
        var (files, skipped) = CollectFiles(moduleFolder, metadata.Name);

        var builder = new PackageBuilder(deterministic: true)
        {
            DeterministicTimestamp = (timestamp ?? DateTimeOffset.UtcNow).ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            Id = metadata.Name,
            Version = metadata.Version,
            Description = metadata.Description,
            Copyright = metadata.Copyright,
            ReleaseNotes = metadata.ReleaseNotes,
            RequireLicenseAcceptance = false,
            ProjectUrl = metadata.ProjectUri,
            LicenseUrl = metadata.LicenseUri,
            IconUrl = metadata.IconUri,
        };
        builder.Authors.Add(metadata.Author);
        if (metadata.CompanyName != null) builder.Owners.Add(metadata.CompanyName);
        builder.Tags.AddRange(metadata.GalleryTags);
        if (metadata.Dependencies.Count > 0)
        {
            builder.DependencyGroups.Add(new PackageDependencyGroup(NuGetFramework.AnyFramework,
                metadata.Dependencies.Select(d => new PackageDependency(d.Id, d.Versions))));
        }
        foreach (var relative in files)
            builder.Files.Add(new PhysicalPackageFile { SourcePath = Path.Combine(moduleFolder, relative), TargetPath = relative });

        Directory.CreateDirectory(outputFolder);
        var packagePath = Path.Combine(Path.GetFullPath(outputFolder), $"{metadata.Name}.{metadata.Version.ToNormalizedString()}.nupkg");
        // Written beside the target and moved into place, so a failure never leaves a broken package.
        var partial = packagePath + "." + Guid.NewGuid().ToString("N")[..8] + ".partial";
        try
        {
            using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.ReadWrite))
                builder.Save(stream);
            File.Move(partial, packagePath, overwrite: true);
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
        return new PackageResult(packagePath, metadata, files, skipped);
    }

    /// <summary>
    /// Every file of the module folder, as paths relative to it, except build leftovers: bin/ and
    /// obj/ folders, debug symbols (*.pdb), hidden files and folders (NuGet leaves those out too),
    /// packages, and a nuspec of the module's own name (the package gets a fresh one).
    /// </summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Skipped) CollectFiles(string moduleFolder, string moduleName)
    {
        var files = new List<string>();
        var skipped = new List<string>();
        void Walk(string folder)
        {
            foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(moduleFolder, path);
                var fileName = Path.GetFileName(path);
                if (fileName.StartsWith('.')
                    || fileName.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase)
                    || fileName.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase)
                    || fileName.EndsWith(".partial", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(relative, moduleName + ".nuspec", StringComparison.OrdinalIgnoreCase))
                    skipped.Add(relative);
                else
                    files.Add(relative);
            }
            foreach (var sub in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
            {
                var subName = Path.GetFileName(sub);
                if (subName.StartsWith('.') || SkippedFolders.Contains(subName, StringComparer.OrdinalIgnoreCase))
                    skipped.Add(Path.GetRelativePath(moduleFolder, sub) + Path.DirectorySeparatorChar);
                else
                    Walk(sub);
            }
        }
        Walk(moduleFolder);
        return (files, skipped);
    }
}
