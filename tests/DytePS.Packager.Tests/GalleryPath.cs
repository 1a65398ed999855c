using System.Text.Json;
using DytePS.Testing;

namespace DytePS.Packager.Tests;

/// <summary>
/// DytePS the way a user gets it from a repository, run once for the Gallery path tests (each step a
/// fresh pwsh 7.6.9 with HOME in a temporary folder):
/// 1. PSResourceGet: a local folder registered as a repository, the release's package and a
///    prerelease of the next version published into it (Publish-PSResource -NupkgPath, as a release
///    publishes to the Gallery), DytePS installed by name (-Scope CurrentUser).
/// 2. A fresh pwsh: the first use of Get-DyteMeeting autoloads the installed module, against the emulator.
/// 3. A fresh pwsh: Import-Module DytePS by name, Update-PSResource -Prerelease to the next version
///    while it is loaded; the session keeps the loaded version.
/// 4. A fresh pwsh: Import-Module DytePS loads the new prerelease.
/// 5. PowerShellGet 2, in another HOME: Register-PSRepository on a folder with the release, Install-Module, import, use;
///    and the README's dry run: New-DyteMeeting -WhatIf, then for real, the emulator's request log read after each.
/// Each step writes what it saw as JSON; the tests read it.
/// </summary>
public sealed class GalleryPath
{
    public const string Repository = "DytePSLocal";

    private GalleryPath() { }

    public required string CurrentVersion { get; init; }

    /// <summary>The next minor version as a prerelease: what a preview release would publish.</summary>
    public required string NextVersion { get; init; }

    public required string RepositoryFolder { get; init; }

    public required string ResourceGetHome { get; init; }

    public required string PowerShellGetHome { get; init; }

    public required JsonElement Published { get; init; }

    public required JsonElement Autoloaded { get; init; }

    public required JsonElement Updated { get; init; }

    public required JsonElement Restarted { get; init; }

    public required JsonElement PowerShellGet2 { get; init; }

    public static async Task<GalleryPath> RunAsync(RunningEmulator emulator, string folder)
    {
        var current = Paths.BuildVersion;
        var manifestVersion = new Version((string)Engine.ReadDataFile(Paths.ModuleManifest)["ModuleVersion"]!);
        var nextBase = new Version(manifestVersion.Major, manifestVersion.Minor + 1, 0).ToString(3);
        var next = nextBase + "-preview1";

        var packages = Path.Combine(folder, "packages");
        var currentPackage = ModulePackager.Pack(Paths.ModuleFolder, packages).PackagePath;
        var nextModule = CopyModule(Path.Combine(folder, "next", "DytePS"));
        var manifest = Path.Combine(nextModule, "DytePS.psd1");
        var text = File.ReadAllText(manifest);
        text = System.Text.RegularExpressions.Regex.Replace(text, @"(?m)^(\s*ModuleVersion\s*=\s*)'[^']*'", $"$1'{nextBase}'");
        text = text.Replace("            Tags         =", "            Prerelease   = 'preview1'\n            Tags         =");
        File.WriteAllText(manifest, text);
        var nextPackage = ModulePackager.Pack(nextModule, packages).PackagePath;

        var repository = Path.Combine(folder, "repository");
        Directory.CreateDirectory(repository);
        var resourceGetHome = Path.Combine(folder, "home-psresourceget");
        var powerShellGetHome = Path.Combine(folder, "home-powershellget2");
        var dyte = new Dictionary<string, string?>
        {
            ["DYTE_BASE_URI"] = emulator.ApiBaseUri.ToString(),
            ["DYTE_ORG_ID"] = RunningEmulator.DemoOrganizationId,
            ["DYTE_API_KEY"] = RunningEmulator.DemoApiKey,
        };
        string Q(string s) => Pwsh.Quote(s);

        var published = await StepAsync("publish and install", resourceGetHome, $$"""
            Register-PSResourceRepository -Name {{Repository}} -Uri {{Q(repository)}} -Trusted
            Publish-PSResource -NupkgPath {{Q(currentPackage)}} -Repository {{Repository}}
            Publish-PSResource -NupkgPath {{Q(nextPackage)}} -Repository {{Repository}}
            $stable = Find-PSResource -Name DytePS -Repository {{Repository}}
            $newest = Find-PSResource -Name DytePS -Repository {{Repository}} -Prerelease
            Install-PSResource -Name DytePS -Repository {{Repository}} -Scope CurrentUser -TrustRepository
            @{
                RepositoryFiles   = @(Get-ChildItem -LiteralPath {{Q(repository)}} | ForEach-Object Name)
                Found             = "$($stable.Version)"
                FoundPrerelease   = "$($newest.Version)-$($newest.Prerelease)"
                Installed         = @(Get-InstalledPSResource -Name DytePS -Scope CurrentUser | ForEach-Object { "$($_.Version)" })
                InstalledLocation = @(Get-InstalledPSResource -Name DytePS -Scope CurrentUser)[0].InstalledLocation
                UserModules       = @($env:PSModulePath -split [IO.Path]::PathSeparator)[0]
            }
            """, dyte);

        var autoloaded = await StepAsync("autoload", resourceGetHome, """
            $loadedBefore = @(Get-Module -Name DytePS).Count
            $meetings = @(Get-DyteMeeting)
            $module = Get-Module -Name DytePS
            @{
                LoadedBefore = $loadedBefore
                Meetings     = $meetings.Count
                Titles       = @($meetings | ForEach-Object Title)
                Version      = "$($module.Version)"
                ModuleBase   = $module.ModuleBase
                UserAgent    = (Get-DyteConnection).UserAgent
            }
            """, dyte);

        var updated = await StepAsync("update while loaded", resourceGetHome, $$"""
            Import-Module -Name DytePS
            $before = Get-Module -Name DytePS
            Update-PSResource -Name DytePS -Repository {{Repository}} -Prerelease -Scope CurrentUser -TrustRepository
            $after = Get-Module -Name DytePS
            $meetings = @(Get-DyteMeeting)
            @{
                Before    = "$($before.Version)"
                After     = "$($after.Version)"
                Loaded    = @(Get-Module -Name DytePS).Count
                Meetings  = $meetings.Count
                Installed = @(Get-InstalledPSResource -Name DytePS -Scope CurrentUser | ForEach-Object { if ($_.Prerelease) { "$($_.Version)-$($_.Prerelease)" } else { "$($_.Version)" } } | Sort-Object)
            }
            """, dyte);

        var restarted = await StepAsync("restart", resourceGetHome, """
            Import-Module -Name DytePS
            $module = Get-Module -Name DytePS
            @{
                Version    = "$($module.Version)"
                Prerelease = $module.PrivateData.PSData.Prerelease
                ModuleBase = $module.ModuleBase
                Meetings   = @(Get-DyteMeeting).Count
            }
            """, dyte);

        // PowerShellGet 2 reads a folder feed without the prerelease flag the Gallery's feed carries,
        // so it would take 0.2.0-preview1 as the newest; its folder holds the release only.
        var stableRepository = Path.Combine(folder, "repository-stable");
        Directory.CreateDirectory(stableRepository);
        File.Copy(currentPackage, Path.Combine(stableRepository, Path.GetFileName(currentPackage)));
        var powerShellGet2 = await StepAsync("PowerShellGet 2", powerShellGetHome, $$"""
            Import-Module -Name PowerShellGet -MaximumVersion 2.99
            Register-PSRepository -Name {{Repository}} -SourceLocation {{Q(stableRepository)}} -InstallationPolicy Trusted
            Install-Module -Name DytePS -Repository {{Repository}} -Scope CurrentUser
            $installed = Get-InstalledModule -Name DytePS
            Import-Module -Name DytePS
            $meetings = @(Get-DyteMeeting).Count
            # The README's dry run: -WhatIf sends nothing, the real run sends the create, the request log shows which.
            $control = $env:DYTE_BASE_URI -replace '/v2$', '/_emulator'
            # Invoke-RestMethod writes a JSON array as one object; from a variable, the pipeline enumerates it.
            $creates = { $log = Invoke-RestMethod -Uri "$control/requests?organization=$env:DYTE_ORG_ID"; @($log | Where-Object method -eq 'POST').Count }
            $before = & $creates
            New-DyteMeeting -Title 'Dry run' -WhatIf
            $afterWhatIf = & $creates
            $null = New-DyteMeeting -Title 'Dry run'
            @{
                PowerShellGet     = "$((Get-Module -Name PowerShellGet).Version)"
                Version           = "$($installed.Version)"
                InstalledLocation = $installed.InstalledLocation
                ModuleBase        = (Get-Module -Name DytePS).ModuleBase
                Meetings          = $meetings
                CreatesLogged     = @($before, $afterWhatIf, (& $creates))
            }
            """, dyte);

        return new GalleryPath
        {
            CurrentVersion = current,
            NextVersion = next,
            RepositoryFolder = repository,
            ResourceGetHome = resourceGetHome,
            PowerShellGetHome = powerShellGetHome,
            Published = published,
            Autoloaded = autoloaded,
            Updated = updated,
            Restarted = restarted,
            PowerShellGet2 = powerShellGet2,
        };
    }

    /// <summary>Runs one step's script in a fresh pwsh; its last expression (a hashtable) comes back as JSON. A failed step fails with its output.</summary>
    private static async Task<JsonElement> StepAsync(string name, string home, string script, IReadOnlyDictionary<string, string?> environment)
    {
        var output = Path.Combine(home, "step-" + Guid.NewGuid().ToString("N")[..8] + ".json");
        var body = $"$result = & {{\n{script}\n}}\n$result | ConvertTo-Json -Depth 4 | Set-Content -LiteralPath {Pwsh.Quote(output)} -Encoding utf8\n";
        var run = await Pwsh.RunAsync(body, home, TimeSpan.FromMinutes(5), environment);
        if (run.ExitCode != 0 || !File.Exists(output))
            throw new InvalidOperationException($"The Gallery path step '{name}' failed (exit {run.ExitCode}):\n{run.Errors}\n{run.Output}");
        using var json = JsonDocument.Parse(File.ReadAllText(output));
        return json.RootElement.Clone();
    }

    private static string CopyModule(string target)
    {
        foreach (var file in Directory.EnumerateFiles(Paths.ModuleFolder, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(Paths.ModuleFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return target;
    }
}
