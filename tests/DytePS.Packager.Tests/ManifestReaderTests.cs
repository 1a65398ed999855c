using System.Collections;

namespace DytePS.Packager.Tests;

/// <summary>Pieces of the manifest reader that the DytePS manifest does not exercise.</summary>
public sealed class ManifestReaderTests
{
    [Fact]
    public void RequiredModules_become_dependencies_with_NuGet_version_ranges()
    {
        var problems = new List<string>();
        var required = new object[]
        {
            "Plain",
            new Hashtable { ["ModuleName"] = "AtLeast", ["ModuleVersion"] = "1.2.0" },
            new Hashtable { ["ModuleName"] = "Exactly", ["RequiredVersion"] = "2.0.1" },
            new Hashtable { ["ModuleName"] = "AtMost", ["MaximumVersion"] = "3.0" },
            new Hashtable { ["ModuleName"] = "Between", ["ModuleVersion"] = "1.0", ["MaximumVersion"] = "2.0", ["GUID"] = Guid.NewGuid().ToString() },
        };

        var dependencies = ModuleManifestReader.Dependencies(required, "m.psd1", problems);

        Assert.Empty(problems);
        Assert.Equal(["Plain", "AtLeast", "Exactly", "AtMost", "Between"], dependencies.Select(d => d.Id));
        Assert.Equal([null, "1.2.0", "[2.0.1]", "(, 3.0.0]", "[1.0.0, 2.0.0]"], dependencies.Select(d => d.Versions?.ToLegacyShortString()));
    }

    [Fact]
    public void A_RequiredModules_entry_without_a_name_or_with_a_bad_version_is_a_problem()
    {
        var problems = new List<string>();

        ModuleManifestReader.Dependencies(new object[] { new Hashtable { ["ModuleVersion"] = "1.0" }, new Hashtable { ["ModuleName"] = "X", ["ModuleVersion"] = "one" } }, "m.psd1", problems);

        Assert.Equal(2, problems.Count);
        Assert.Contains("neither a module name nor a hashtable with ModuleName", problems[0]);
        Assert.Contains("RequiredModules 'X': ModuleVersion 'one' is not a version", problems[1]);
    }

    [Fact]
    public void No_RequiredModules_means_no_dependencies()
    {
        Assert.Empty(ModuleManifestReader.Dependencies(null, "m.psd1", []));
    }

    [Fact]
    public void The_tags_PowerShellGet_adds_cover_functions_and_aliases_too()
    {
        var metadata = new ModuleMetadata
        {
            Name = "M",
            Version = NuGet.Versioning.NuGetVersion.Parse("1.0.0"),
            Author = "a",
            Description = "d",
            Tags = ["Mine"],
            ExportedCmdlets = ["Get-A"],
            ExportedFunctions = ["Get-B"],
            ExportedCommands = ["Get-A", "Get-B", "gb"],
        };

        Assert.Equal(["Mine", "PSModule", "PSIncludes_Cmdlet", "PSCmdlet_Get-A", "PSIncludes_Function", "PSFunction_Get-B", "PSCommand_Get-A", "PSCommand_Get-B", "PSCommand_gb"],
            metadata.GalleryTags);
    }

    [Fact]
    public void A_module_that_exports_nothing_is_tagged_PSModule_only()
    {
        var metadata = new ModuleMetadata { Name = "M", Version = NuGet.Versioning.NuGetVersion.Parse("1.0.0"), Author = "a", Description = "d" };

        Assert.Equal(["PSModule"], metadata.GalleryTags);
    }
}
