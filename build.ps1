#Requires -Version 7.0
<#
.SYNOPSIS
    Builds, tests and demonstrates DytePS (for people who have pwsh; everything also works with plain `dotnet`).

.DESCRIPTION
    Tasks:
      Build  dotnet build: assembles the importable module folder out/DytePS.
      Test   the xunit suite (dotnet test), then the Pester suite when Pester 5 is installed.
      Demo   runs examples/Quickstart.ps1 in the real PowerShell engine against the emulator.

.EXAMPLE
    ./build.ps1
    Builds the module in Release configuration.

.EXAMPLE
    ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot

function Invoke-Dotnet {
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    Write-Host "dotnet $($Arguments -join ' ')" -ForegroundColor Cyan
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE." }
}

foreach ($name in $Task) {
    switch ($name) {
        'Build' {
            Invoke-Dotnet build (Join-Path $root 'DytePS.sln') -c $Configuration
            Write-Host "Module folder: $(Join-Path $root 'out' 'DytePS')" -ForegroundColor Green
        }
        'Test' {
            Invoke-Dotnet test (Join-Path $root 'DytePS.sln') -c $Configuration
            $pester = Get-Module -ListAvailable -Name Pester | Where-Object Version -ge '5.0.0' | Sort-Object Version -Descending | Select-Object -First 1
            $pesterTests = Join-Path $root 'tests' 'Pester'
            if ($pester -and (Test-Path $pesterTests)) {
                Import-Module $pester
                $result = Invoke-Pester -Path $pesterTests -PassThru -Output Detailed
                if ($result.FailedCount -gt 0) { throw "$($result.FailedCount) Pester test(s) failed." }
            }
            elseif (-not $pester) {
                Write-Warning 'Pester 5 is not installed; skipped the Pester suite (Install-Module Pester -MinimumVersion 5.0).'
            }
        }
        'Demo' {
            Invoke-Dotnet run --project (Join-Path $root 'tools' 'DytePS.Playground') -c $Configuration
        }
    }
}
