namespace DytePS.Packager.Tests;

/// <summary>
/// The nuspec in the package against the manifest it came from, element by element, as
/// PowerShellGet's Publish-Module fills them in and the PowerShell Gallery reads them.
/// </summary>
public sealed class NuspecMetadataTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    [Fact]
    public void The_nuspec_is_at_the_root_and_named_after_the_module()
    {
        Assert.NotNull(package.Nuspec);
        Assert.Equal("package", package.Nuspec!.Root!.Name.LocalName);
    }

    [Fact]
    public void Id_and_version_come_from_the_manifest_file_name_and_ModuleVersion()
    {
        Assert.Equal(Path.GetFileNameWithoutExtension(Paths.ModuleManifest), package.Metadata("id"));
        Assert.Equal(package.Manifest["ModuleVersion"], package.Metadata("version"));
    }

    [Fact]
    public void Authors_owners_description_and_copyright_come_from_the_manifest()
    {
        Assert.Equal(package.Manifest["Author"], package.Metadata("authors"));
        Assert.Equal(package.Manifest["CompanyName"], package.Metadata("owners"));
        Assert.Equal(package.Manifest["Description"], package.Metadata("description"));
        Assert.Equal(package.Manifest["Copyright"], package.Metadata("copyright"));
    }

    [Fact]
    public void Urls_and_release_notes_come_from_PSData()
    {
        Assert.Equal(package.PSData["ProjectUri"], package.Metadata("projectUrl"));
        Assert.Equal(package.PSData["LicenseUri"], package.Metadata("licenseUrl"));
        Assert.Equal(package.PSData["ReleaseNotes"], package.Metadata("releaseNotes"));
        Assert.False(string.IsNullOrWhiteSpace(package.Metadata("releaseNotes")));
        Assert.Null(package.Metadata("iconUrl"));
    }

    [Fact]
    public void No_license_acceptance_is_required()
    {
        Assert.Equal("false", package.Metadata("requireLicenseAcceptance"));
    }

    [Fact]
    public void Tags_are_the_manifests_then_the_ones_PowerShellGet_adds_for_the_module_and_each_cmdlet()
    {
        var cmdlets = Engine.Strings(package.Manifest["CmdletsToExport"]).ToList();
        var expected = Engine.Strings(package.PSData["Tags"])
            .Append("PSModule")
            .Append("PSIncludes_Cmdlet")
            .Concat(cmdlets.Select(c => "PSCmdlet_" + c))
            .Concat(cmdlets.Select(c => "PSCommand_" + c))
            .ToList();

        var tags = package.Metadata("tags")!.Split(' ');

        Assert.Equal(expected, tags);
        Assert.Contains("PSEdition_Desktop", tags);
        Assert.Contains("PSEdition_Core", tags);
        Assert.True(package.Metadata("tags")!.Length <= 4000, "the Gallery accepts at most 4000 characters of tags");
    }

    [Fact]
    public void The_module_has_no_package_dependencies()
    {
        // RequiredModules is empty; the nested DytePS.Loader.dll ships inside the package.
        Assert.Null(package.Manifest["RequiredModules"]);
        Assert.DoesNotContain(package.Nuspec!.Descendants(), e => e.Name.LocalName == "dependency");
    }
}
