using System.Diagnostics;
using System.Text.RegularExpressions;
using DytePS.Testing;

namespace DytePS.Packager.Tests;

/// <summary>
/// One version, DytePSVersion in Directory.Build.props, everywhere a user sees one: the manifest
/// (ModuleVersion and PSData.Prerelease, checked by the build itself), the assemblies, the module
/// package, the CHANGELOG. (The tool package and the User-Agent are checked where they are made:
/// EmulatorToolTests and GalleryPathTests.)
/// </summary>
public sealed class VersionTests(PackageFixture package) : IClassFixture<PackageFixture>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string PropsVersion =>
        Regex.Match(File.ReadAllText(Paths.InRepo("Directory.Build.props")), "<DytePSVersion>([^<]+)</DytePSVersion>").Groups[1].Value;

    [Fact]
    public void Directory_Build_props_sets_the_version_MSBuild_builds_with()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z]+)?$", PropsVersion);
        Assert.Equal(PropsVersion, Paths.BuildVersion);
    }

    [Fact]
    public void The_manifest_says_the_same_version_as_ModuleVersion_and_Prerelease()
    {
        var manifest = Engine.ReadDataFile(Paths.InRepo("DytePS.psd1"));
        var psData = (System.Collections.Hashtable)((System.Collections.Hashtable)manifest["PrivateData"]!)["PSData"]!;
        var prerelease = psData["Prerelease"] as string;

        Assert.Equal(PropsVersion, string.IsNullOrEmpty(prerelease) ? (string)manifest["ModuleVersion"]! : $"{manifest["ModuleVersion"]}-{prerelease}");
        Assert.StartsWith(PropsVersion + ":", (string)psData["ReleaseNotes"]!);
    }

    [Fact]
    public void The_module_assembly_and_the_module_package_carry_it()
    {
        Assert.Equal(PropsVersion, FileVersionInfo.GetVersionInfo(Path.Combine(Paths.ModuleFolder, "DytePS.dll")).ProductVersion);
        Assert.Equal(PropsVersion, package.Metadata("version"));
        Assert.EndsWith($"DytePS.{PropsVersion}.nupkg", package.PackagePath);
    }

    [Fact]
    public void The_CHANGELOG_has_a_section_for_it_and_keeps_Unreleased_on_top()
    {
        var changelog = File.ReadAllText(Paths.InRepo("CHANGELOG.md")).ReplaceLineEndings("\n");
        var sections = Regex.Matches(changelog, @"^## \[([^\]]+)\]", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal("Unreleased", sections[0]);
        Assert.Contains(PropsVersion, sections);
        Assert.Matches(new Regex($@"^## \[{Regex.Escape(PropsVersion)}\] - (Unreleased|\d{{4}}-\d{{2}}-\d{{2}})$", RegexOptions.Multiline), changelog);
    }

    [Fact]
    public async Task The_build_stops_when_the_manifest_and_Directory_Build_props_disagree()
    {
        var result = await CheckAsync("0.9.0", Paths.InRepo("DytePS.psd1"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"says version '{PropsVersion}' (ModuleVersion, PrivateData.PSData.Prerelease) but Directory.Build.props says DytePSVersion '0.9.0'", result.Output);
    }

    [Fact]
    public async Task A_prerelease_version_matches_a_manifest_with_ModuleVersion_and_Prerelease()
    {
        var manifest = _temp.Combine("DytePS.psd1");
        File.WriteAllText(manifest, "@{\n    ModuleVersion        = '0.2.0'\n    PrivateData = @{ PSData = @{\n            Prerelease   = 'preview1'\n    } }\n}\n");

        var matching = await CheckAsync("0.2.0-preview1", manifest);
        var stable = await CheckAsync("0.2.0", manifest);

        Assert.True(matching.ExitCode == 0, matching.Output);
        Assert.NotEqual(0, stable.ExitCode);
        Assert.Contains("says version '0.2.0-preview1'", stable.Output);
    }

    /// <summary>Runs the build's version check (the target in Directory.Build.props) on the DytePS project.</summary>
    private static async Task<ProcessResult> CheckAsync(string version, string manifest)
    {
        var result = await DotnetProcess.RunAsync(
            ["msbuild", Paths.InRepo("src", "DytePS", "DytePS.csproj"), "-t:CheckModuleManifestVersion", "-nologo", "-v:q",
             $"-p:DytePSVersion={version}", $"-p:DytePSManifest={manifest}"],
            TimeSpan.FromMinutes(2));
        Assert.False(result.TimedOut, result.Errors);
        return result;
    }
}
