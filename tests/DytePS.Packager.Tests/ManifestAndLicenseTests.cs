using System.Collections;
using System.Text.RegularExpressions;

namespace DytePS.Packager.Tests;

/// <summary>What the Gallery and users read beside the cmdlets: the manifest's settings, LICENSE and CHANGELOG.md, consistent with each other.</summary>
public sealed class ManifestAndLicenseTests
{
    private static readonly Hashtable Manifest = Engine.ReadDataFile(Paths.InRepo("DytePS.psd1"));

    private static Hashtable PSData => (Hashtable)((Hashtable)Manifest["PrivateData"]!)["PSData"]!;

    [Fact]
    public void The_manifest_runs_on_Windows_PowerShell_5_1_and_PowerShell_7()
    {
        Assert.Equal("5.1", Manifest["PowerShellVersion"]);
        Assert.Equal(["Core", "Desktop"], Engine.Strings(Manifest["CompatiblePSEditions"]).Order());
        Assert.Contains("PSEdition_Desktop", Engine.Strings(PSData["Tags"]));
        Assert.Contains("PSEdition_Core", Engine.Strings(PSData["Tags"]));
    }

    [Fact]
    public void The_manifest_exports_an_explicit_list_of_cmdlets_and_nothing_else()
    {
        var cmdlets = Engine.Strings(Manifest["CmdletsToExport"]).ToList();
        Assert.NotEmpty(cmdlets);
        Assert.DoesNotContain(cmdlets, c => c.Contains('*') || c.Contains('?'));
        Assert.Equal(cmdlets.Count, cmdlets.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var key in new[] { "FunctionsToExport", "VariablesToExport", "AliasesToExport" })
        {
            Assert.True(Manifest.ContainsKey(key), $"{key} is missing: without it PowerShell exports everything");
            Assert.Empty(Engine.Strings(Manifest[key]));
        }
    }

    [Fact]
    public void The_built_manifest_is_the_repository_manifest()
    {
        Assert.Equal(File.ReadAllText(Paths.InRepo("DytePS.psd1")), File.ReadAllText(Paths.ModuleManifest));
    }

    [Fact]
    public void License_and_project_urls_point_at_the_project_and_its_LICENSE()
    {
        var project = Assert.IsType<string>(PSData["ProjectUri"]);
        Assert.StartsWith("https://", project);
        Assert.Equal(project.TrimEnd('/') + "/blob/main/LICENSE", PSData["LicenseUri"]);
        Assert.True(File.Exists(Paths.InRepo("LICENSE")));
    }

    [Fact]
    public void LICENSE_is_the_MIT_license_of_the_DytePS_contributors_and_the_manifest_says_so()
    {
        var license = File.ReadAllText(Paths.InRepo("LICENSE"));

        Assert.StartsWith("MIT License\n", license.ReplaceLineEndings("\n"));
        Assert.Contains("Copyright (c) 2026 DytePS contributors", license);
        Assert.Contains("Permission is hereby granted, free of charge", license);
        Assert.Contains("THE SOFTWARE IS PROVIDED \"AS IS\"", license);
        Assert.Equal("(c) 2026 DytePS contributors. MIT License.", Manifest["Copyright"]);
        Assert.Equal("DytePS contributors", Manifest["Author"]);
    }

    [Fact]
    public void The_changelog_follows_Keep_a_Changelog_and_has_an_entry_for_the_manifest_version()
    {
        var changelog = File.ReadAllText(Paths.InRepo("CHANGELOG.md")).ReplaceLineEndings("\n");
        var version = Regex.Escape((string)Manifest["ModuleVersion"]!);

        Assert.StartsWith("# Changelog\n", changelog);
        Assert.Contains("[Keep a Changelog](https://keepachangelog.com/", changelog);
        Assert.Matches(new Regex($@"^## \[{version}\] - (Unreleased|\d{{4}}-\d{{2}}-\d{{2}})$", RegexOptions.Multiline), changelog);
        Assert.Matches(new Regex(@"^### (Added|Changed|Deprecated|Removed|Fixed|Security)$", RegexOptions.Multiline), changelog);
        Assert.Matches(new Regex($@"^\[{version}\]: https://", RegexOptions.Multiline), changelog);
    }

    [Fact]
    public void The_release_notes_summarise_the_version_and_point_at_the_changelog()
    {
        var notes = Assert.IsType<string>(PSData["ReleaseNotes"]);

        Assert.StartsWith((string)Manifest["ModuleVersion"]! + ":", notes);
        Assert.EndsWith(((string)PSData["ProjectUri"]!).TrimEnd('/') + "/blob/main/CHANGELOG.md", notes);
        Assert.InRange(notes.Length, 100, 1000);
    }
}
