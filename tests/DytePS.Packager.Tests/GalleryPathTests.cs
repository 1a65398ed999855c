using System.Text.Json;

namespace DytePS.Packager.Tests;

/// <summary>
/// Installing DytePS from a repository, as users do (see <see cref="GalleryPath"/> for the steps,
/// run once): PSResourceGet and PowerShellGet 2, import by name and by autoloading, a command
/// against the emulator, a prerelease found only with -Prerelease, and an update while loaded.
/// </summary>
[Collection(DistributionCollection.Name)]
public sealed class GalleryPathTests(EmulatorToolFixture tool)
{
    [Fact]
    public async Task Publish_PSResource_puts_the_release_and_the_prerelease_into_the_repository_and_only_the_release_is_found_by_default()
    {
        var gallery = await tool.Gallery;

        Assert.Equal([$"DytePS.{gallery.CurrentVersion}.nupkg", $"DytePS.{gallery.NextVersion}.nupkg"], Strings(gallery.Published, "RepositoryFiles").Order());
        Assert.Equal(gallery.CurrentVersion, gallery.Published.GetProperty("Found").GetString());
        Assert.Equal(gallery.NextVersion, gallery.Published.GetProperty("FoundPrerelease").GetString());
    }

    [Fact]
    public async Task Install_PSResource_by_name_installs_the_release_into_the_isolated_CurrentUser_scope()
    {
        var gallery = await tool.Gallery;

        Assert.Equal([gallery.CurrentVersion], Strings(gallery.Published, "Installed"));
        var userModules = gallery.Published.GetProperty("UserModules").GetString()!;
        Assert.StartsWith(gallery.ResourceGetHome, userModules);
        Assert.Equal(userModules, gallery.Published.GetProperty("InstalledLocation").GetString());
    }

    [Fact]
    public async Task In_a_fresh_pwsh_the_first_Get_DyteMeeting_autoloads_the_installed_module_and_lists_the_emulators_meetings()
    {
        var gallery = await tool.Gallery;
        var autoloaded = gallery.Autoloaded;

        Assert.Equal(0, autoloaded.GetProperty("LoadedBefore").GetInt32());
        Assert.Equal(3, autoloaded.GetProperty("Meetings").GetInt32());
        Assert.All(Strings(autoloaded, "Titles"), title => Assert.StartsWith("Seeded meeting", title));
        Assert.Equal(gallery.CurrentVersion, autoloaded.GetProperty("Version").GetString());
        Assert.Equal(Path.Combine(gallery.Published.GetProperty("UserModules").GetString()!, "DytePS", gallery.CurrentVersion), autoloaded.GetProperty("ModuleBase").GetString());
        Assert.Equal("DytePS/" + gallery.CurrentVersion, autoloaded.GetProperty("UserAgent").GetString());
    }

    [Fact]
    public async Task Update_PSResource_installs_the_prerelease_beside_while_the_session_keeps_the_loaded_version()
    {
        var gallery = await tool.Gallery;
        var updated = gallery.Updated;

        Assert.Equal([gallery.CurrentVersion, gallery.NextVersion], Strings(updated, "Installed"));
        Assert.Equal(gallery.CurrentVersion, updated.GetProperty("Before").GetString());
        Assert.Equal(gallery.CurrentVersion, updated.GetProperty("After").GetString());
        Assert.Equal(1, updated.GetProperty("Loaded").GetInt32());
        Assert.Equal(3, updated.GetProperty("Meetings").GetInt32());
    }

    [Fact]
    public async Task After_a_restart_Import_Module_by_name_loads_the_new_prerelease()
    {
        var gallery = await tool.Gallery;
        var restarted = gallery.Restarted;
        var nextBase = gallery.NextVersion.Split('-')[0];

        Assert.Equal(nextBase, restarted.GetProperty("Version").GetString());
        Assert.Equal("preview1", restarted.GetProperty("Prerelease").GetString());
        Assert.EndsWith(Path.Combine("DytePS", nextBase), restarted.GetProperty("ModuleBase").GetString());
        Assert.Equal(3, restarted.GetProperty("Meetings").GetInt32());
    }

    [Fact]
    public async Task PowerShellGet_2_Install_Module_from_a_folder_repository_installs_the_release_and_it_imports_by_name()
    {
        var gallery = await tool.Gallery;
        var v2 = gallery.PowerShellGet2;

        Assert.StartsWith("2.", v2.GetProperty("PowerShellGet").GetString());
        Assert.Equal(gallery.CurrentVersion, v2.GetProperty("Version").GetString());
        Assert.StartsWith(gallery.PowerShellGetHome, v2.GetProperty("InstalledLocation").GetString());
        Assert.Equal(v2.GetProperty("InstalledLocation").GetString()!.TrimEnd('/', '\\'), v2.GetProperty("ModuleBase").GetString()!.TrimEnd('/', '\\'));
        Assert.Equal(3, v2.GetProperty("Meetings").GetInt32());
    }

    [Fact]
    public async Task The_dry_run_workflow_sends_nothing_with_WhatIf_and_the_request_log_shows_the_real_run()
    {
        var gallery = await tool.Gallery;

        Assert.Equal([0, 0, 1], gallery.PowerShellGet2.GetProperty("CreatesLogged").EnumerateArray().Select(e => e.GetInt32()));
    }

    private static IEnumerable<string> Strings(JsonElement element, string property) =>
        element.GetProperty(property) is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(e => e.GetString()!).ToList()
            : [element.GetProperty(property).GetString()!];
}
