#Requires -Version 7.0

<#
.SYNOPSIS
    Builds, tests, documents, packages and demonstrates DytePS with pwsh.

.DESCRIPTION
    Runs the tasks given, in that order; the first failure stops the script with an error. Every
    step is a plain `dotnet` command underneath, so nothing here needs pwsh except this script.

      Build    dotnet build of DytePS.sln: assembles the importable module folder out/DytePS.
      Test     dotnet test of DytePS.sln: the xunit suites, which also run the Pester suite in
               tests/Pester in the pinned pwsh 7.6.9 with Pester 5.7.1 from NuGet. Then, when
               Pester 5 or later is installed here, the Pester suite again in this pwsh with that
               Pester, to check your own versions. Any failed test fails the task.
      Docs     With platyPS installed: builds, imports the built module in a child pwsh and
               brings the markdown help in docs/en-US up to date with the cmdlets
               (Update-MarkdownHelp for the pages there, New-MarkdownHelp for cmdlets that have
               none), then builds again so the module's help follows. Without platyPS it changes
               nothing and says so: the build compiles the markdown that is in docs/en-US.
      Package  Build, then tools/DytePS.Packager: out/DytePS.<version>.nupkg, the package the
               PowerShell Gallery accepts, and the updatable help in out/help
               (DytePS_<GUID>_HelpInfo.xml, DytePS_<GUID>_en-US_HelpContent.zip and .cab); then dotnet pack
               of the emulator: out/DytePS.Emulator.<version>.nupkg, the dotnet tool dyte-emulator.
               Writes an object with their files (Module, Emulator, Help) to the pipeline.
      Demo     Runs examples/Quickstart.ps1 in the real PowerShell engine against a local emulator
               (tools/DytePS.Playground).
      Release  Checks first, and stops before building anything when one fails: CHANGELOG.md has a
               dated section '## [<version>] - YYYY-MM-DD' for the version of Directory.Build.props,
               and git reports no uncommitted or untracked changes. Then Package, and publishes:
               the module package with Publish-PSResource -NupkgPath to -Repository (with
               -ApiKey), the emulator tool package with dotnet nuget push to -ToolSource (with
               -ToolApiKey). The updatable help files are listed for attaching to the GitHub
               release, where the manifest's HelpInfoUri looks for them. -WhatIf shows what would
               be published and publishes nothing.

    Without pwsh, the same commands are: dotnet build, dotnet test,
    dotnet run --project tools/DytePS.Packager -- --module out/DytePS --out out --help-out out/help,
    dotnet pack src/DytePS.Emulator -o out, and dotnet run --project tools/DytePS.Playground.

.PARAMETER Task
    One or more of Build, Test, Docs, Package, Demo, Release; default Build.

.PARAMETER Configuration
    The build configuration, Release (default) or Debug. out/DytePS holds the last one built.

.PARAMETER Repository
    Release: the PSResourceGet repository to publish the module to (default PSGallery).

.PARAMETER ApiKey
    Release: the repository's API key (default: the PSGALLERY_API_KEY environment variable).

.PARAMETER ToolSource
    Release: the NuGet source for the emulator tool package (default nuget.org).

.PARAMETER ToolApiKey
    Release: the API key for -ToolSource (default: the NUGET_API_KEY environment variable).

.EXAMPLE
    ./build.ps1
    Builds the module folder out/DytePS in Release configuration.

.EXAMPLE
    ./build.ps1 -Task Build, Test
    Builds, then runs the xunit suites (the Pester suite among them) and, when Pester 5 is
    installed here, the Pester suite in this pwsh too.

.EXAMPLE
    $package = ./build.ps1 -Task Package
    Publish-PSResource -NupkgPath $package.Module.FullName -Repository PSGallery -ApiKey $key
    Writes out/DytePS.<version>.nupkg (and the emulator tool and updatable help) and publishes the
    module package as it is.

.EXAMPLE
    ./build.ps1 -Task Release -WhatIf
    Checks the CHANGELOG and the working tree, builds and packs, and shows what it would publish.

.EXAMPLE
    ./build.ps1 -Task Release -ApiKey $galleryKey -ToolApiKey $nugetKey
    Publishes the release: the module to the PowerShell Gallery, dyte-emulator to nuget.org.

.EXAMPLE
    ./build.ps1 -Task Docs -Configuration Debug
    Updates docs/en-US from the cmdlets of a Debug build (needs platyPS: Install-Module platyPS).
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [ValidateSet('Build', 'Test', 'Docs', 'Package', 'Demo', 'Release')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    [string] $Repository = 'PSGallery',

    [string] $ApiKey = $env:PSGALLERY_API_KEY,

    [string] $ToolSource = 'https://api.nuget.org/v3/index.json',

    [string] $ToolApiKey = $env:NUGET_API_KEY
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$solution = Join-Path $root 'DytePS.sln'
$outFolder = Join-Path $root 'out'
$moduleFolder = Join-Path $outFolder 'DytePS'
$moduleManifest = Join-Path $moduleFolder 'DytePS.psd1'
$docsFolder = Join-Path $root 'docs' 'en-US'
$helpFolder = Join-Path $outFolder 'help'

function Invoke-Dotnet {
    <#
    .SYNOPSIS
        Runs one dotnet command, showing its output; throws when it exits with a non-zero code.
    #>
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)

    Write-Host "dotnet $($Arguments -join ' ')" -ForegroundColor Cyan
    & dotnet @Arguments | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE." }
}

function Invoke-BuildTask {
    Invoke-Dotnet build $solution -c $Configuration
    Write-Host "Module folder: $moduleFolder" -ForegroundColor Green
}

function Invoke-TestTask {
    Invoke-Dotnet test $solution -c $Configuration

    $pesterTests = Join-Path $root 'tests' 'Pester'
    $pester = Get-Module -ListAvailable -Name Pester |
        Where-Object Version -ge ([version] '5.0.0') |
        Sort-Object Version -Descending |
        Select-Object -First 1
    if (-not $pester) {
        Write-Warning 'Pester 5 is not installed, so the Pester suite was skipped (Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser).'
        return
    }

    # A background job (a child pwsh) runs the suite: it imports DytePS, and this session must not
    # load (and, on Windows, lock) the DLLs that a later Build or Package task rewrites. The suite
    # starts the emulator this configuration built, so it is handed the configuration.
    $tests = @(Get-ChildItem -Path $pesterTests -Filter '*.Tests.ps1' | ForEach-Object FullName)
    $job = Start-Job -ArgumentList $pester.Path, $tests, $Configuration -ScriptBlock {
        param($PesterModule, $Tests, $Configuration)
        Import-Module -Name $PesterModule
        $settings = New-PesterConfiguration
        $settings.Run.Container = @($Tests | ForEach-Object { New-PesterContainer -Path $_ -Data @{ Configuration = $Configuration } })
        $settings.Run.PassThru = $true
        $settings.Output.Verbosity = 'Detailed'
        $run = Invoke-Pester -Configuration $settings
        [pscustomobject]@{
            Result                = $run.Result
            PassedCount           = $run.PassedCount
            FailedCount           = $run.FailedCount
            FailedBlocksCount     = $run.FailedBlocksCount
            FailedContainersCount = $run.FailedContainersCount
        }
    }
    try {
        $result = Receive-Job -Job $job -Wait | Select-Object -Last 1
    }
    finally {
        Remove-Job -Job $job -Force
    }
    if (-not $result) { throw 'The Pester suite reported no result.' }
    if ($result.Result -ne 'Passed') {
        throw "The Pester suite failed: $($result.FailedCount) failed test(s), $($result.FailedBlocksCount) failed block(s), $($result.FailedContainersCount) failed container(s)."
    }
    Write-Host "Pester: $($result.PassedCount) test(s) passed." -ForegroundColor Green
}

function Invoke-DocsTask {
    $platyPS = Get-Module -ListAvailable -Name platyPS | Sort-Object Version -Descending | Select-Object -First 1
    if (-not $platyPS) {
        Write-Warning ("platyPS is not installed, so docs/en-US was not updated from the cmdlets (Install-Module platyPS -Scope CurrentUser). " +
            'Nothing is lost: dotnet build compiles the markdown that is in docs/en-US into the help the module ships (en-US/).')
        return
    }

    Invoke-BuildTask
    # A background job (a child pwsh) imports the module, so this session never loads (and, on
    # Windows, locks) the DLLs that the next build rewrites.
    Write-Host "Updating $docsFolder from the cmdlets of $moduleManifest" -ForegroundColor Cyan
    $job = Start-Job -ArgumentList $platyPS.Path, $moduleManifest, $docsFolder -ScriptBlock {
        param($PlatyPS, $Manifest, $Docs)
        $ErrorActionPreference = 'Stop'
        Import-Module -Name $PlatyPS
        Import-Module -Name $Manifest
        $null = New-Item -ItemType Directory -Path $Docs -Force
        $documented = @(Get-ChildItem -Path $Docs -Filter '*.md' | ForEach-Object BaseName)
        $missing = @(Get-Command -Module DytePS -CommandType Cmdlet | Where-Object Name -NotIn $documented | ForEach-Object Name)
        if ($documented.Count -gt 0) {
            Update-MarkdownHelp -Path $Docs -UpdateInputOutput -AlphabeticParamsOrder | Out-Null
            "Updated the pages in $Docs"
        }
        if ($missing.Count -gt 0) {
            New-MarkdownHelp -Command $missing -OutputFolder $Docs -AlphabeticParamsOrder | Out-Null
            "New pages: $($missing -join ', ')"
        }
    }
    try {
        Receive-Job -Job $job -Wait | Out-Host
        if ($job.State -ne 'Completed') { throw "Updating the markdown help ended $($job.State)." }
    }
    finally {
        Remove-Job -Job $job -Force
    }

    # The build compiles the updated pages into out/DytePS/en-US.
    Invoke-BuildTask
}

function Invoke-PackageTask {
    Invoke-BuildTask
    $project = Join-Path $root 'tools' 'DytePS.Packager'
    Write-Host "dotnet run --no-build --project $project -c $Configuration -- --module $moduleFolder --out $outFolder --help-out $helpFolder" -ForegroundColor Cyan
    # The packager prints the package's path, then the updatable help files, on standard output and
    # nothing else; notes and errors go to standard error.
    $printed = @(& dotnet run --no-build --project $project -c $Configuration -- --module $moduleFolder --out $outFolder --help-out $helpFolder | Where-Object { $_ })
    if ($LASTEXITCODE -ne 0) { throw "The packager failed with exit code $LASTEXITCODE." }
    $missing = @($printed | Where-Object { -not (Test-Path -LiteralPath $_ -PathType Leaf) })
    if ($printed.Count -lt 3 -or $missing.Count -gt 0) {
        throw "The packager did not print the paths of a package and the updatable help it wrote (it printed: $printed)."
    }

    # The emulator as a dotnet tool, from the build above.
    $emulatorProject = Join-Path $root 'src' 'DytePS.Emulator' 'DytePS.Emulator.csproj'
    Invoke-Dotnet pack $emulatorProject --no-build --configuration $Configuration --output $outFolder
    $version = Get-ReleaseVersion
    $emulator = Join-Path $outFolder "DytePS.Emulator.$version.nupkg"
    if (-not (Test-Path -LiteralPath $emulator -PathType Leaf)) { throw "dotnet pack did not write $emulator." }

    Write-Host "Package: $($printed[0])" -ForegroundColor Green
    Write-Host "Emulator tool: $emulator" -ForegroundColor Green
    Write-Host "Updatable help: $helpFolder" -ForegroundColor Green
    [pscustomobject]@{
        Module   = Get-Item -LiteralPath $printed[0]
        Emulator = Get-Item -LiteralPath $emulator
        Help     = @($printed | Select-Object -Skip 1 | ForEach-Object { Get-Item -LiteralPath $_ })
    }
}

function Get-ReleaseVersion {
    <#
    .SYNOPSIS
        The version of Directory.Build.props (DytePSVersion), the one every package carries.
    #>
    $props = Get-Content -LiteralPath (Join-Path $root 'Directory.Build.props') -Raw
    if ($props -notmatch '<DytePSVersion>\s*([^<\s]+)\s*</DytePSVersion>') { throw 'Directory.Build.props has no <DytePSVersion>.' }
    $Matches[1]
}

function Assert-ReleaseReady {
    <#
    .SYNOPSIS
        Throws unless CHANGELOG.md has a dated section for the version and git has nothing uncommitted.
    #>
    param([string] $Version)

    $changelog = Get-Content -LiteralPath (Join-Path $root 'CHANGELOG.md') -Raw
    $heading = '(?m)^## \[' + [regex]::Escape($Version) + '\] - \d{4}-\d{2}-\d{2}\s*$'
    if ($changelog -notmatch $heading) {
        throw "CHANGELOG.md has no section '## [$Version] - YYYY-MM-DD' for the version in Directory.Build.props; move the Unreleased entries under that heading with the release date first."
    }

    $status = @(& git -C $root status --porcelain --untracked-files=normal)
    if ($LASTEXITCODE -ne 0) { throw "git status failed with exit code $LASTEXITCODE; a release is made from a git working tree." }
    if ($status.Count -gt 0) {
        throw "Refusing to release $Version with uncommitted changes (commit or stash them first):`n$($status -join "`n")"
    }
    Write-Host "Release checks passed for $Version." -ForegroundColor Green
}

function Invoke-ReleaseTask {
    $version = Get-ReleaseVersion
    # Checked before anything is built, so a refused release costs nothing and changes nothing.
    Assert-ReleaseReady -Version $version
    if ($Repository -eq 'PSGallery' -and -not $ApiKey -and -not $WhatIfPreference) {
        throw 'Publishing to the PowerShell Gallery needs -ApiKey (or the PSGALLERY_API_KEY environment variable).'
    }

    $packages = Invoke-PackageTask
    $packageVersion = $packages.Module.Name -replace '^DytePS\.(.+)\.nupkg$', '$1'
    if ($packageVersion -ne $version) { throw "The module package is version $packageVersion, not $version; DytePS.psd1 and Directory.Build.props disagree." }

    if ($PSCmdlet.ShouldProcess("$($packages.Module.Name) to the repository $Repository", 'Publish-PSResource')) {
        $publish = @{ NupkgPath = $packages.Module.FullName; Repository = $Repository }
        if ($ApiKey) { $publish.ApiKey = $ApiKey }
        Publish-PSResource @publish
    }
    if ($PSCmdlet.ShouldProcess("$($packages.Emulator.Name) to $ToolSource", 'dotnet nuget push')) {
        $push = @('nuget', 'push', $packages.Emulator.FullName, '--source', $ToolSource)
        if ($ToolApiKey) { $push += @('--api-key', $ToolApiKey) }
        # Not through Invoke-Dotnet, which would show the key.
        Write-Host "dotnet nuget push $($packages.Emulator.FullName) --source $ToolSource" -ForegroundColor Cyan
        & dotnet @push | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "dotnet nuget push failed with exit code $LASTEXITCODE." }
    }
    Write-Host "Attach these to the GitHub release v$version (the manifest's HelpInfoUri reads them from the latest release):" -ForegroundColor Green
    $packages.Help | ForEach-Object { Write-Host "  $($_.FullName)" }
    $packages
}

function Invoke-DemoTask {
    Invoke-Dotnet run --project (Join-Path $root 'tools' 'DytePS.Playground') -c $Configuration
}

foreach ($name in $Task) {
    switch ($name) {
        'Build' { Invoke-BuildTask }
        'Test' { Invoke-TestTask }
        'Docs' { Invoke-DocsTask }
        'Package' { Invoke-PackageTask }
        'Demo' { Invoke-DemoTask }
        'Release' { Invoke-ReleaseTask }
    }
}
