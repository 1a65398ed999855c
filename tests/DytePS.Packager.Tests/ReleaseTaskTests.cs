using System.Text.Json;
using DytePS.Testing;

namespace DytePS.Packager.Tests;

/// <summary>
/// build.ps1 -Task Release in real pwsh, in a git repository holding a copy of build.ps1,
/// Directory.Build.props and CHANGELOG.md: it refuses, before building anything, without a dated
/// CHANGELOG section for the version or with uncommitted changes; with both in order it passes its
/// checks and goes on to build (which, in this stripped copy, has no solution to build).
/// </summary>
[Collection(DistributionCollection.Name)]
public sealed class ReleaseTaskTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Repo => _temp.Combine("repo");

    private async Task<string> CreateRepositoryAsync(string version, string changelogHeading)
    {
        Directory.CreateDirectory(Repo);
        File.Copy(Paths.InRepo("build.ps1"), Path.Combine(Repo, "build.ps1"));
        var props = File.ReadAllText(Paths.InRepo("Directory.Build.props"));
        File.WriteAllText(Path.Combine(Repo, "Directory.Build.props"),
            System.Text.RegularExpressions.Regex.Replace(props, "<DytePSVersion>[^<]*</DytePSVersion>", $"<DytePSVersion>{version}</DytePSVersion>"));
        File.WriteAllText(Path.Combine(Repo, "CHANGELOG.md"), $"# Changelog\n\n## [Unreleased]\n\n{changelogHeading}\n\n### Added\n- Something.\n");
        File.WriteAllText(Path.Combine(Repo, ".gitignore"), "out/\n");
        await GitAsync("init", "-q");
        await GitAsync("add", "-A");
        await GitAsync("-c", "user.name=DytePS tests", "-c", "user.email=tests@example.invalid", "commit", "-q", "-m", "release candidate");
        return Repo;
    }

    private async Task GitAsync(params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = Repo, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var git = System.Diagnostics.Process.Start(start)!;
        var errors = git.StandardError.ReadToEndAsync();
        await git.StandardOutput.ReadToEndAsync();
        await git.WaitForExitAsync();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)}: {await errors}");
    }

    /// <summary>Runs the copy's build.ps1 -Task Release -WhatIf; returns the error it stopped with and what it wrote to the host.</summary>
    private async Task<(string Error, string Host)> ReleaseAsync()
    {
        var result = _temp.Combine("release.json");
        var script = $$"""
            $lines = [System.Collections.Generic.List[string]]::new()
            $failure = ''
            try { & {{Pwsh.Quote(Path.Combine(Repo, "build.ps1"))}} -Task Release -WhatIf 6>&1 | ForEach-Object { $lines.Add("$_") } }
            catch { $failure = $_.Exception.Message }
            @{ Output = ($lines -join "`n"); Error = $failure } | ConvertTo-Json | Set-Content -LiteralPath {{Pwsh.Quote(result)}} -Encoding utf8
            """;
        var run = await Pwsh.RunAsync(script, _temp.Combine("home"), TimeSpan.FromMinutes(3));
        Assert.True(run.ExitCode == 0 && File.Exists(result), $"pwsh failed (exit {run.ExitCode}):\n{run.Errors}\n{run.Output}");
        var json = JsonDocument.Parse(File.ReadAllText(result)).RootElement;
        return (json.GetProperty("Error").GetString()!, json.GetProperty("Output").GetString()!);
    }

    [Fact]
    public async Task Without_a_CHANGELOG_section_for_the_version_it_refuses_before_building()
    {
        await CreateRepositoryAsync("0.3.0", "## [0.2.0] - 2026-11-25");

        var (error, host) = await ReleaseAsync();

        Assert.StartsWith("CHANGELOG.md has no section '## [0.3.0] - YYYY-MM-DD'", error);
        Assert.DoesNotContain("dotnet build", host);
    }

    [Fact]
    public async Task An_undated_Unreleased_section_for_the_version_is_not_enough()
    {
        await CreateRepositoryAsync("0.3.0", "## [0.3.0] - Unreleased");

        var (error, _) = await ReleaseAsync();

        Assert.StartsWith("CHANGELOG.md has no section '## [0.3.0] - YYYY-MM-DD'", error);
    }

    [Fact]
    public async Task With_uncommitted_changes_it_refuses_and_names_them()
    {
        await CreateRepositoryAsync("0.3.0", "## [0.3.0] - 2026-12-01");
        File.AppendAllText(Path.Combine(Repo, "CHANGELOG.md"), "- A late change.\n");
        File.WriteAllText(Path.Combine(Repo, "notes.txt"), "untracked");

        var (error, host) = await ReleaseAsync();

        Assert.StartsWith("Refusing to release 0.3.0 with uncommitted changes", error);
        Assert.Contains("CHANGELOG.md", error);
        Assert.Contains("notes.txt", error);
        Assert.DoesNotContain("dotnet build", host);
    }

    [Fact]
    public async Task A_prerelease_with_its_dated_section_and_a_clean_tree_passes_the_checks_and_goes_on_to_build()
    {
        await CreateRepositoryAsync("0.2.0-preview1", "## [0.2.0-preview1] - 2026-12-01");

        var (error, host) = await ReleaseAsync();

        Assert.Contains("Release checks passed for 0.2.0-preview1.", host);
        Assert.Contains("dotnet build", host);
        // This copy has no DytePS.sln: the build is where it stops, after the checks.
        Assert.StartsWith("dotnet build failed", error);
    }
}
