@{
    RootModule           = 'DytePS.dll'
    # Loaded first: installs the resolver that keeps DytePS's dependencies isolated (src/DytePS.Loader).
    NestedModules        = @('DytePS.Loader.dll')
    ModuleVersion        = '0.1.0'
    GUID                 = '99cc3afc-fea3-446b-879e-efad7ea082b3'
    Author               = 'DytePS contributors'
    CompanyName          = 'DytePS contributors'
    Copyright            = '(c) 2026 DytePS contributors. MIT License.'
    # Updatable help: Update-Help and Save-Help read DytePS_<GUID>_HelpInfo.xml and the help archives
    # there, which build.ps1 -Task Package writes to out/help and each release attaches as assets.
    HelpInfoUri          = 'https://github.com/dyteps/DytePS/releases/latest/download/'
    Description          = 'Manage Dyte (and Cloudflare RealtimeKit) video meetings from PowerShell: meetings, participants, sessions, recordings, livestreams and webhooks, with automatic paging, pipeline input, -WhatIf and a local API emulator.'
    PowerShellVersion    = '5.1'
    # Windows PowerShell 5.1 only (PowerShell 7 ignores them): the netstandard2.0 assemblies
    # need .NET Framework 4.7.2 or later (its netstandard 2.0 support), on CLR 4.
    DotNetFrameworkVersion = '4.7.2'
    CLRVersion           = '4.0'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('DytePS.format.ps1xml')
    TypesToProcess       = @('DytePS.types.ps1xml')

    # Listed explicitly (no wildcards) so PowerShell can discover commands without loading the module.
    CmdletsToExport      = @(
        'Connect-Dyte'
        'Disconnect-Dyte'
        'Get-DyteConnection'
        'Get-DyteMeeting'
        'New-DyteMeeting'
        'Set-DyteMeeting'
        'Get-DyteParticipant'
        'New-DyteParticipant'
        'Set-DyteParticipant'
        'Remove-DyteParticipant'
        'New-DyteParticipantToken'
        'Get-DyteSession'
        'Get-DyteSessionParticipant'
        'Get-DyteRecording'
        'Start-DyteRecording'
        'Stop-DyteRecording'
        'Suspend-DyteRecording'
        'Resume-DyteRecording'
        'Wait-DyteRecording'
        'Save-DyteRecording'
        'Get-DyteLivestream'
        'Start-DyteLivestream'
        'Stop-DyteLivestream'
        'Get-DyteWebhook'
        'New-DyteWebhook'
        'Set-DyteWebhook'
        'Remove-DyteWebhook'
        'Test-DyteWebhookSignature'
        'ConvertFrom-DyteWebhook'
        'Invoke-DyteRequest'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()

    PrivateData          = @{
        PSData = @{
            Tags         = @('Dyte', 'RealtimeKit', 'Cloudflare', 'Video', 'Meetings', 'WebRTC', 'REST', 'API', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/dyteps/DytePS'
            LicenseUri   = 'https://github.com/dyteps/DytePS/blob/main/LICENSE'
            ReleaseNotes = '0.1.0: the first release. Cmdlets for Dyte v2 and Cloudflare RealtimeKit meetings, participants, sessions, recordings (wait and download), livestreams and webhooks (with signature verification), and Invoke-DyteRequest for the rest; automatic paging, pipeline input, -WhatIf/-Confirm, retries that honour Retry-After, isolated dependencies, and a local API emulator. Full list: https://github.com/dyteps/DytePS/blob/main/CHANGELOG.md'
        }
    }
}
