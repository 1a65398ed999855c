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
               PowerShell Gallery accepts. Writes the package's path (a FileInfo) to the pipeline.
      Demo     Runs examples/Quickstart.ps1 in the real PowerShell engine against a local emulator
               (tools/DytePS.Playground).

    Without pwsh, the same commands are: dotnet build, dotnet test,
    dotnet run --project tools/DytePS.Packager -- --module out/DytePS --out out, and
    dotnet run --project tools/DytePS.Playground.

.PARAMETER Task
    One or more of Build, Test, Docs, Package, Demo; default Build.

.PARAMETER Configuration
    The build configuration, Release (default) or Debug. out/DytePS holds the last one built.

.EXAMPLE
    ./build.ps1
    Builds the module folder out/DytePS in Release configuration.

.EXAMPLE
    ./build.ps1 -Task Build, Test
    Builds, then runs the xunit suites (the Pester suite among them) and, when Pester 5 is
    installed here, the Pester suite in this pwsh too.

.EXAMPLE
    $package = ./build.ps1 -Task Package
    Publish-PSResource -NupkgPath $package.FullName -Repository PSGallery -ApiKey $key
    Writes out/DytePS.<version>.nupkg and publishes that file as it is.

.EXAMPLE
    ./build.ps1 -Task Docs -Configuration Debug
    Updates docs/en-US from the cmdlets of a Debug build (needs platyPS: Install-Module platyPS).
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Docs', 'Package', 'Demo')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$solution = Join-Path $root 'DytePS.sln'
$outFolder = Join-Path $root 'out'
$moduleFolder = Join-Path $outFolder 'DytePS'
$moduleManifest = Join-Path $moduleFolder 'DytePS.psd1'
$docsFolder = Join-Path $root 'docs' 'en-US'

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
    Write-Host "dotnet run --no-build --project $project -c $Configuration -- --module $moduleFolder --out $outFolder" -ForegroundColor Cyan
    # The packager prints the package's path on standard output and nothing else; notes and errors go to standard error.
    $printed = & dotnet run --no-build --project $project -c $Configuration -- --module $moduleFolder --out $outFolder
    if ($LASTEXITCODE -ne 0) { throw "The packager failed with exit code $LASTEXITCODE." }
    $package = @($printed | Where-Object { $_ }) | Select-Object -Last 1
    if (-not $package -or -not (Test-Path -LiteralPath $package -PathType Leaf)) {
        throw "The packager did not print the path of a package it wrote (it printed: $printed)."
    }
    Write-Host "Package: $package" -ForegroundColor Green
    Get-Item -LiteralPath $package
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
    }
}
