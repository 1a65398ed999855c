using System.IO.Compression;
using System.Security.Cryptography;
using NuGet.Packaging;

namespace DytePS.Packager.Tests;

/// <summary>The package made from out/DytePS: laid out as Publish-Module lays out a module package.</summary>
public sealed class PackageLayoutTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    /// <summary>What NuGet adds to every package, beside the nuspec.</summary>
    private static bool IsNuGetPart(string entry) =>
        entry is "[Content_Types].xml" or "_rels/.rels"
        || (entry.StartsWith("package/services/metadata/core-properties/", StringComparison.Ordinal) && entry.EndsWith(".psmdcp", StringComparison.Ordinal));

    private static IEnumerable<string> ModuleFiles() =>
        Directory.EnumerateFiles(Paths.ModuleFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Paths.ModuleFolder, f).Replace(Path.DirectorySeparatorChar, '/'));

    [Fact]
    public void The_package_is_named_after_the_module_and_its_version()
    {
        Assert.Equal($"DytePS.{package.Manifest["ModuleVersion"]}.nupkg", Path.GetFileName(package.PackagePath));
    }

    [Fact]
    public void Every_module_file_is_in_the_package_at_its_place_under_the_root_with_the_same_bytes()
    {
        var files = ModuleFiles().ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            Assert.Contains(file, package.Entries);
            var bytes = File.ReadAllBytes(Path.Combine(Paths.ModuleFolder, file));
            Assert.Equal(Convert.ToHexString(SHA256.HashData(bytes)), package.EntryHashes[file]);
        }
    }

    [Fact]
    public void The_module_itself_sits_at_the_package_root()
    {
        foreach (var file in new[] { "DytePS.psd1", "DytePS.dll", "DytePS.Loader.dll", "DytePS.format.ps1xml", "DytePS.types.ps1xml", "LICENSE" })
            Assert.Contains(file, package.Entries);
        Assert.Contains("dependencies/DytePS.Client.dll", package.Entries);
        Assert.Contains("dependencies/RestSharp.dll", package.Entries);
        Assert.DoesNotContain(package.Entries, e => e.StartsWith("DytePS/", StringComparison.OrdinalIgnoreCase) || e.StartsWith("content/", StringComparison.Ordinal) || e.StartsWith("lib/", StringComparison.Ordinal));

        // The help the build compiles from docs/en-US.
        Assert.Contains("en-US/DytePS.dll-Help.xml", package.Entries);
        Assert.Contains("en-US/about_DytePS.help.txt", package.Entries);
    }

    [Fact]
    public void Besides_the_module_files_there_are_only_the_nuspec_and_NuGets_own_parts()
    {
        var extra = package.Entries.Except(ModuleFiles()).Order(StringComparer.Ordinal).ToList();

        Assert.Contains("DytePS.nuspec", extra);
        Assert.All(extra.Where(e => e != "DytePS.nuspec"), e => Assert.True(IsNuGetPart(e), $"unexpected entry {e}"));
        Assert.Equal(3, extra.Count(IsNuGetPart));
    }

    [Fact]
    public void Nothing_from_bin_or_obj_no_debug_symbols_and_no_hidden_files()
    {
        foreach (var entry in package.Entries)
        {
            var segments = entry.Split('/');
            Assert.DoesNotContain(segments, s => s.Equals("bin", StringComparison.OrdinalIgnoreCase) || s.Equals("obj", StringComparison.OrdinalIgnoreCase));
            Assert.False(entry.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase), entry);
            Assert.False(entry.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase), entry);
            Assert.DoesNotContain(segments.Where(s => s != "_rels" && s != ".rels"), s => s.StartsWith('.'));
        }
    }

    [Fact]
    public void Entries_carry_the_given_timestamp()
    {
        Assert.Equal([PackageFixture.Timestamp], package.EntryTimes.Select(t => t.ToUniversalTime()).Distinct());
    }

    [Fact]
    public void NuGet_reads_the_package_back_with_the_manifests_identity()
    {
        using var reader = new PackageArchiveReader(package.PackagePath);

        var identity = reader.GetIdentity();
        Assert.Equal("DytePS", identity.Id);
        Assert.Equal(package.Manifest["ModuleVersion"], identity.Version.ToNormalizedString());
        Assert.Equal("DytePS.nuspec", reader.GetNuspecFile());
        Assert.Empty(reader.GetPackageDependencies());
    }

    [Fact]
    public void The_package_extracted_as_Install_Module_extracts_it_imports_with_every_cmdlet()
    {
        using var temp = new TempFolder();
        var installed = temp.Combine("Modules", "DytePS");
        using (var zip = ZipFile.OpenRead(package.PackagePath))
        {
            foreach (var entry in zip.Entries.Where(e => !IsNuGetPart(e.FullName) && e.FullName != "DytePS.nuspec"))
            {
                var target = Path.Combine(installed, entry.FullName.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                entry.ExtractToFile(target);
            }
        }

        using var runspace = Engine.Open(Path.Combine(installed, "DytePS.psd1"));
        var commands = Engine.Run(runspace, "Get-Command -Module DytePS | ForEach-Object Name").Cast<string>().Order().ToList();
        var moduleBase = Engine.Run(runspace, "(Get-Module DytePS).ModuleBase").Single();

        Assert.Equal(Engine.Strings(package.Manifest["CmdletsToExport"]).Order(), commands);
        Assert.Equal(Path.GetFullPath(installed), Path.GetFullPath((string)moduleBase!));
    }
}
