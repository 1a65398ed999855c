#Requires -Version 7.0

<#
.SYNOPSIS
    The Pester 5 suite: DytePS as a pwsh user runs it, against a local emulator.

.DESCRIPTION
    Imports the built module folder (out/DytePS; build it first with dotnet build or
    ./build.ps1), starts the emulator that the build produced (src/DytePS.Emulator/bin/<configuration>/
    net10.0/DytePS.Emulator.dll) on a free loopback port, and gives each Context an organization
    of its own through the emulator's control API, connected with Connect-Dyte. AfterAll stops
    the emulator.

    Run it with ./build.ps1 -Task Test (which passes the configuration), or directly:
        Invoke-Pester ./tests/Pester -Output Detailed
    Needs pwsh 7, Pester 5 and the .NET 10 runtime (dotnet on PATH). `dotnet test` runs it too
    (tests/DytePS.Tests/Pwsh/PesterSuiteTests.cs), in the pwsh 7.6.9 dotnet tool pinned in
    .config/dotnet-tools.json with Pester 5.7.1 from NuGet, so it runs on every CI build.

.PARAMETER Configuration
    Which build of the emulator to start, Release or Debug. Default: the newest one built.
#>
param(
    [string] $Configuration
)

BeforeAll {
    $ErrorActionPreference = 'Stop'
    $RepoRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '..' '..')).ProviderPath
    $ModuleManifest = Join-Path $RepoRoot 'out' 'DytePS' 'DytePS.psd1'
    $Examples = Join-Path $RepoRoot 'examples'
    if (-not (Test-Path -LiteralPath $ModuleManifest)) {
        throw "$ModuleManifest does not exist: build the module first (dotnet build, or ./build.ps1)."
    }
    Import-Module -Name $ModuleManifest -Force

    # The emulator of the configuration asked for, else the newest one built.
    if ($Configuration -and $Configuration -notin 'Debug', 'Release') { throw "-Configuration is Debug or Release, not '$Configuration'." }
    $configurations = if ($Configuration) { @($Configuration) } else { @('Release', 'Debug') }
    $emulatorDll = $configurations |
        ForEach-Object { Join-Path $RepoRoot 'src' 'DytePS.Emulator' 'bin' $_ 'net10.0' 'DytePS.Emulator.dll' } |
        Where-Object { Test-Path -LiteralPath $_ } |
        Sort-Object { (Get-Item -LiteralPath $_).LastWriteTimeUtc } -Descending |
        Select-Object -First 1
    if (-not $emulatorDll) {
        throw "The emulator is not built for $($configurations -join ' or '): run dotnet build (or ./build.ps1) first."
    }

    # --rate-limit exists from the emulator version that rate-limits by default; older ones have no limit to turn off.
    $emulatorArguments = @("`"$emulatorDll`"", '--port', '0', '--lifecycle-delay', '0')
    if ((& dotnet $emulatorDll --help) -match '--rate-limit') { $emulatorArguments += '--rate-limit', '0' }

    $EmulatorLog = Join-Path ([IO.Path]::GetTempPath()) "dyteps-pester-emulator-$([guid]::NewGuid().ToString('N')).log"
    $EmulatorProcess = Start-Process -FilePath 'dotnet' -ArgumentList $emulatorArguments -PassThru -NoNewWindow `
        -RedirectStandardOutput $EmulatorLog -RedirectStandardError "$EmulatorLog.err"
    $EmulatorRoot = $null
    $deadline = [datetime]::UtcNow.AddSeconds(60)
    while (-not $EmulatorRoot) {
        # The first line it prints: "Dyte v2 API emulator listening on http://127.0.0.1:<port>/v2".
        if ((Get-Content -LiteralPath $EmulatorLog -Raw -ErrorAction SilentlyContinue) -match 'listening on (http://127\.0\.0\.1:\d+)/v2') {
            $EmulatorRoot = $Matches[1]
        }
        elseif ($EmulatorProcess.HasExited -or [datetime]::UtcNow -gt $deadline) {
            if (-not $EmulatorProcess.HasExited) { Stop-Process -Id $EmulatorProcess.Id -Force }
            throw "The emulator did not start: $(Get-Content -LiteralPath $EmulatorLog, "$EmulatorLog.err" -Raw -ErrorAction SilentlyContinue)"
        }
        else {
            Start-Sleep -Milliseconds 100
        }
    }

    # Any control API request: /_emulator/<Path>.
    function Invoke-Control {
        param([string] $Path, [string] $Method = 'Get', [object] $Body)
        $request = @{ Method = $Method; Uri = "$EmulatorRoot/_emulator/$Path" }
        if ($null -ne $Body) { $request.Body = ($Body | ConvertTo-Json -Depth 5); $request.ContentType = 'application/json' }
        Invoke-RestMethod @request
    }

    # A fresh organization (no lifecycle delay), connected with Connect-Dyte.
    function New-TestOrganization {
        $organization = Invoke-Control -Path 'organizations' -Method Post -Body @{ lifecycle_delay_ms = 0 }
        $key = ConvertTo-SecureString -String $organization.api_key -AsPlainText -Force
        Connect-Dyte -BaseUri "$EmulatorRoot/v2" -OrganizationId $organization.id -ApiKey $key
        $organization
    }

    # The API requests the emulator logged for an organization: method, path, operation, status.
    function Get-ApiRequest([string] $OrganizationId) {
        # Invoke-RestMethod writes a JSON array as one object; ForEach-Object enumerates it.
        Invoke-Control -Path "requests?organization=$OrganizationId" | ForEach-Object { $_ }
    }

    function Clear-ApiRequest([string] $OrganizationId) {
        Invoke-Control -Path "requests?organization=$OrganizationId" -Method Delete | Out-Null
    }

    # A participant joining or leaving the meeting's live session (what the API alone cannot do).
    function Enter-TestSession([string] $OrganizationId, $MeetingId, $ParticipantId) {
        Invoke-Control -Path "organizations/$OrganizationId/meetings/$MeetingId/participants/$ParticipantId/join" -Method Post
    }

    function Exit-TestSession([string] $OrganizationId, $MeetingId, $ParticipantId) {
        Invoke-Control -Path "organizations/$OrganizationId/meetings/$MeetingId/participants/$ParticipantId/leave" -Method Post
    }
}

AfterAll {
    if ($EmulatorProcess -and -not $EmulatorProcess.HasExited) {
        Stop-Process -Id $EmulatorProcess.Id -Force
        $EmulatorProcess.WaitForExit(10000) | Out-Null
    }
    if ($EmulatorLog) { Remove-Item -LiteralPath $EmulatorLog, "$EmulatorLog.err" -Force -ErrorAction SilentlyContinue }
    Remove-Module -Name DytePS -Force -ErrorAction SilentlyContinue
}

Describe 'DytePS' {
    Context 'Module and connection' {
        BeforeAll {
            $organization = New-TestOrganization
        }

        It 'exports exactly the cmdlets the manifest lists' {
            $listed = (Import-PowerShellDataFile -LiteralPath $ModuleManifest).CmdletsToExport
            $exported = Get-Command -Module DytePS -CommandType Cmdlet

            $exported | Should -HaveCount $listed.Count
            $exported.Name | Sort-Object | Should -Be ($listed | Sort-Object)
            (Get-Module DytePS).Version | Should -Be ([version] (Import-PowerShellDataFile -LiteralPath $ModuleManifest).ModuleVersion)
        }

        It 'Get-DyteConnection returns the connection Connect-Dyte made, without its key' {
            $connection = Get-DyteConnection

            $connection | Should -HaveCount 1
            $connection.OrganizationId | Should -Be $organization.id
            $connection.BaseUri.ToString().TrimEnd('/') | Should -Be "$EmulatorRoot/v2"
            $connection.Source | Should -Be 'Parameters'
            $connection.Backend | Should -Be 'Dyte'
            ($connection | Format-List * | Out-String) | Should -Not -BeLike "*$($organization.api_key)*"
        }

        It 'Connect-Dyte -PassThru returns a connection that -Connection uses after Disconnect-Dyte' {
            $key = ConvertTo-SecureString -String $organization.api_key -AsPlainText -Force
            $saved = Connect-Dyte -BaseUri "$EmulatorRoot/v2" -OrganizationId $organization.id -ApiKey $key -PassThru
            $meeting = New-DyteMeeting -Title 'Saved connection'
            try {
                Disconnect-Dyte
                Get-DyteConnection | Should -BeNullOrEmpty
                (Get-DyteMeeting -MeetingId $meeting.Id -Connection $saved).Title | Should -Be 'Saved connection'
            }
            finally {
                Connect-Dyte -BaseUri "$EmulatorRoot/v2" -OrganizationId $organization.id -ApiKey $key
            }
        }

        It 'accepts a PSCredential whose user name is the organization id' {
            $credential = [pscredential]::new($organization.id, (ConvertTo-SecureString -String $organization.api_key -AsPlainText -Force))

            $connection = Connect-Dyte -BaseUri "$EmulatorRoot/v2" -Credential $credential -PassThru

            $connection.Source | Should -Be 'Credential'
            $connection.OrganizationId | Should -Be $organization.id
        }
    }

    Context 'Meetings' {
        BeforeAll {
            $organization = New-TestOrganization
            $standup = New-DyteMeeting -Title 'Weekly standup'
            $review = New-DyteMeeting -Title 'Quarterly review'
        }

        It 'New-DyteMeeting creates an ACTIVE meeting that Get-DyteMeeting finds by id' {
            $standup.Status | Should -Be 'ACTIVE'
            $standup.MeetingId | Should -Be $standup.Id
            (Get-DyteMeeting -MeetingId $standup.Id).Title | Should -Be 'Weekly standup'
        }

        It 'Get-DyteMeeting lists every meeting and searches titles' {
            Get-DyteMeeting | Should -HaveCount 2
            (Get-DyteMeeting -Search 'standup').Id | Should -Be $standup.Id
        }

        It 'Set-DyteMeeting renames a meeting' {
            $renamed = Set-DyteMeeting -MeetingId $review.Id -Title 'Quarterly business review' -PassThru

            $renamed.Title | Should -Be 'Quarterly business review'
            (Get-DyteMeeting -MeetingId $review.Id).Title | Should -Be 'Quarterly business review'
        }

        It 'retires a piped meeting with -Status Inactive' {
            Get-DyteMeeting | Where-Object Title -eq 'Quarterly business review' | Set-DyteMeeting -Status Inactive

            (Get-DyteMeeting -MeetingId $review.Id).Status | Should -Be 'INACTIVE'
            (Get-DyteMeeting -MeetingId $standup.Id).Status | Should -Be 'ACTIVE'
        }

        It 'pages through every meeting, and -First stops early' {
            Invoke-Control -Path "organizations/$($organization.id)/seed" -Method Post -Body @{ meetings = 25; title_prefix = 'Seeded' } | Out-Null
            Clear-ApiRequest $organization.id

            Get-DyteMeeting -PageSize 10 | Should -HaveCount 27
            Get-ApiRequest $organization.id | Should -HaveCount 3

            Get-DyteMeeting -PageSize 10 -First 5 | Should -HaveCount 5
        }
    }

    Context 'Participants' {
        BeforeAll {
            $organization = New-TestOrganization
            $meeting = New-DyteMeeting -Title 'Onboarding'
            $other = New-DyteMeeting -Title 'Offboarding'
        }

        It 'New-DyteParticipant adds a participant and returns its SDK token' {
            $ada = New-DyteParticipant -MeetingId $meeting.Id -PresetName group_call_host -Name 'Ada Lovelace' -CustomParticipantId 'emp-1001'

            $ada.Name | Should -Be 'Ada Lovelace'
            $ada.PresetName | Should -Be 'group_call_host'
            $ada.CustomParticipantId | Should -Be 'emp-1001'
            $ada.MeetingId | Should -Be $meeting.Id
            $ada.Token.Split('.') | Should -HaveCount 3
        }

        It 'Get-DyteParticipant lists them; Set-DyteParticipant and New-DyteParticipantToken change one' {
            $ada = Get-DyteParticipant -MeetingId $meeting.Id | Where-Object Name -eq 'Ada Lovelace'
            $ada | Should -HaveCount 1

            $updated = $ada | Set-DyteParticipant -PresetName group_call_participant -PassThru
            $token = $ada | New-DyteParticipantToken

            $updated.PresetName | Should -Be 'group_call_participant'
            $token.ParticipantId | Should -Be $ada.Id
            $token.Token | Should -Not -BeNullOrEmpty
        }

        It 'adds many at once with -ThrottleLimit, results in input order' {
            $added = 1..12 | ForEach-Object { [pscustomobject]@{ MeetingId = $other.Id; PresetName = 'group_call_participant'; Name = "Guest $_" } } |
                New-DyteParticipant -ThrottleLimit 4

            $added | Should -HaveCount 12
            $added.Name | Should -Be (1..12 | ForEach-Object { "Guest $_" })
        }

        It 'Get-DyteMeeting | Get-DyteParticipant | Remove-DyteParticipant -Confirm:$false removes everyone' {
            Get-DyteMeeting | Get-DyteParticipant | Should -HaveCount 13

            Get-DyteMeeting | Get-DyteParticipant | Remove-DyteParticipant -Confirm:$false

            Get-DyteMeeting | Get-DyteParticipant | Should -HaveCount 0
        }
    }

    Context 'Sessions' {
        BeforeAll {
            $organization = New-TestOrganization
            $meeting = New-DyteMeeting -Title 'Design review'
            $alice = New-DyteParticipant -MeetingId $meeting.Id -PresetName group_call_host -Name 'Alice'
            $bob = New-DyteParticipant -MeetingId $meeting.Id -PresetName group_call_participant -Name 'Bob'
        }

        It 'a join starts a LIVE session that Get-DyteSession -Active returns' {
            Enter-TestSession $organization.id $meeting.Id $alice.Id | Out-Null
            Enter-TestSession $organization.id $meeting.Id $bob.Id | Out-Null

            $live = Get-DyteSession -MeetingId $meeting.Id -Active

            $live.Status | Should -Be 'LIVE'
            $live.MeetingId | Should -Be $meeting.Id
            $live.LiveParticipants | Should -Be 2
        }

        It 'the last one leaving ends it, and -Active then returns nothing' {
            Exit-TestSession $organization.id $meeting.Id $alice.Id | Out-Null
            Exit-TestSession $organization.id $meeting.Id $bob.Id | Out-Null

            Get-DyteSession -MeetingId $meeting.Id -Active | Should -BeNullOrEmpty
            $ended = Get-DyteSession -Status ENDED
            $ended | Should -HaveCount 1
            $ended.EndedAt | Should -Not -BeNullOrEmpty
        }

        It 'Get-DyteSession | Get-DyteSessionParticipant lists who took part, with join and leave times' {
            $people = Get-DyteSession | Get-DyteSessionParticipant

            $people | Should -HaveCount 2
            ($people.Name | Sort-Object) | Should -Be @('Alice', 'Bob')
            $people | ForEach-Object { $_.JoinedAt | Should -Not -BeNullOrEmpty; $_.LeftAt | Should -Not -BeNullOrEmpty }
        }
    }

    Context 'Recordings' {
        BeforeAll {
            $organization = New-TestOrganization
            $meeting = New-DyteMeeting -Title 'All hands'
            $quiet = New-DyteMeeting -Title 'Nothing recorded'
        }

        It 'Start-DyteRecording starts one, and -Active finds only running ones' {
            $recording = Start-DyteRecording -MeetingId $meeting.Id -FileNamePrefix 'all-hands'

            $recording.Status | Should -Be 'INVOKED'
            $active = Get-DyteMeeting | Get-DyteRecording -Active
            $active | Should -HaveCount 1
            $active.RecordingId | Should -Be $recording.Id
        }

        It 'Get-DyteMeeting | Get-DyteRecording -Active | Stop-DyteRecording | Wait-DyteRecording | Save-DyteRecording downloads it' {
            $file = Get-DyteMeeting | Get-DyteRecording -Active | Stop-DyteRecording -Confirm:$false |
                Wait-DyteRecording -TimeoutSec 30 -PollIntervalSec 0.1 |
                Save-DyteRecording -Path TestDrive:\

            $file | Should -HaveCount 1
            $file | Should -BeOfType [System.IO.FileInfo]
            $file.Name | Should -BeLike 'all-hands_*.mp4'
            $uploaded = Get-DyteRecording -Status UPLOADED
            $file.Length | Should -Be $uploaded.FileSize
            Get-ChildItem -LiteralPath $TestDrive -Filter '*.partial' | Should -BeNullOrEmpty
            Get-DyteMeeting | Get-DyteRecording -Active | Should -BeNullOrEmpty
        }

        It 'Suspend-DyteRecording and Resume-DyteRecording pause and resume one' {
            $recording = Start-DyteRecording -MeetingId $quiet.Id
            (Get-DyteRecording -RecordingId $recording.Id).Status | Should -Be 'RECORDING'

            ($recording | Suspend-DyteRecording).Status | Should -Be 'PAUSED'
            ($recording | Resume-DyteRecording).Status | Should -Be 'RECORDING'
            ($recording | Stop-DyteRecording -Force).Status | Should -Be 'UPLOADING'
        }
    }

    Context 'Livestreams' {
        BeforeAll {
            $organization = New-TestOrganization
            $meeting = New-DyteMeeting -Title 'Town hall'
        }

        It 'Start-DyteLivestream returns the stream key, ingest server and playback URL' {
            $stream = Start-DyteLivestream -MeetingId $meeting.Id -Name 'Town hall stream'

            $stream.Status | Should -Be 'STARTING'
            $stream.StreamKey | Should -Not -BeNullOrEmpty
            $stream.RtmpUrl | Should -Not -BeNullOrEmpty
            $stream.PlaybackUrl | Should -Not -BeNullOrEmpty
        }

        It 'Get-DyteLivestream -Active finds it LIVE, and lists it' {
            (Get-DyteLivestream -MeetingId $meeting.Id -Active).Status | Should -Be 'LIVE'
            Get-DyteLivestream -MeetingId $meeting.Id | Should -HaveCount 1
        }

        It 'Stop-DyteLivestream stops it' {
            $stopped = Stop-DyteLivestream -MeetingId $meeting.Id -Force -PassThru

            $stopped.Status | Should -BeIn @('STOPPING', 'OFFLINE')
            (Get-DyteLivestream -MeetingId $meeting.Id).Status | Should -Be 'OFFLINE'
            Get-DyteLivestream -MeetingId $meeting.Id -Active | Should -BeNullOrEmpty
        }
    }

    Context 'Webhooks' {
        BeforeAll {
            $organization = New-TestOrganization
            New-DyteWebhook -Name 'old-recordings' -Url 'https://hooks.old.example.com/recordings' -Event recording.statusUpdate | Out-Null
            New-DyteWebhook -Name 'old-meetings' -Url 'https://hooks.old.example.com/meetings' -Event meeting.started, meeting.ended | Out-Null
            $current = New-DyteWebhook -Name 'current' -Url 'https://hooks.example.com/dyte' -Event meeting.participantJoined
        }

        It 'New-DyteWebhook subscribes a URL to events, and Get-DyteWebhook lists them' {
            $current.Url | Should -Be 'https://hooks.example.com/dyte'
            $current.Events | Should -Be 'meeting.participantJoined'
            Get-DyteWebhook | Should -HaveCount 3
            (Get-DyteWebhook -Name old*).Name | Sort-Object | Should -Be @('old-meetings', 'old-recordings')
        }

        It 'Set-DyteWebhook changes what it is given and keeps the rest' {
            $changed = $current | Set-DyteWebhook -Event meeting.participantJoined, meeting.participantLeft -PassThru

            $changed.Events | Sort-Object | Should -Be @('meeting.participantJoined', 'meeting.participantLeft')
            $changed.Url | Should -Be 'https://hooks.example.com/dyte'
            $changed.Name | Should -Be 'current'
        }

        It 'Get-DyteWebhook -Name old* | Remove-DyteWebhook -Confirm:$false removes only those' {
            Get-DyteWebhook -Name old* | Remove-DyteWebhook -Confirm:$false

            (Get-DyteWebhook).Name | Should -Be 'current'
        }
    }

    Context '-WhatIf sends nothing' {
        BeforeAll {
            $organization = New-TestOrganization
            $meeting = New-DyteMeeting -Title 'Untouchable'
            $participant = New-DyteParticipant -MeetingId $meeting.Id -PresetName group_call_host -Name 'Host'
            $anyId = [guid]::NewGuid()
        }

        BeforeEach {
            Clear-ApiRequest $organization.id
        }

        It '<Name> -WhatIf sends no request' -TestCases @(
            @{ Name = 'New-DyteMeeting'; Command = { New-DyteMeeting -Title 'Never made' -WhatIf } }
            @{ Name = 'Set-DyteMeeting'; Command = { Set-DyteMeeting -MeetingId $meeting.Id -Status Inactive -WhatIf } }
            @{ Name = 'New-DyteParticipant'; Command = { New-DyteParticipant -MeetingId $meeting.Id -PresetName group_call_host -Name 'Nobody' -WhatIf } }
            @{ Name = 'Set-DyteParticipant'; Command = { Set-DyteParticipant -MeetingId $meeting.Id -ParticipantId $participant.Id -Name 'Renamed' -WhatIf } }
            @{ Name = 'Remove-DyteParticipant'; Command = { Remove-DyteParticipant -MeetingId $meeting.Id -ParticipantId $participant.Id -WhatIf } }
            @{ Name = 'New-DyteParticipantToken'; Command = { New-DyteParticipantToken -MeetingId $meeting.Id -ParticipantId $participant.Id -WhatIf } }
            @{ Name = 'Start-DyteRecording'; Command = { Start-DyteRecording -MeetingId $meeting.Id -WhatIf } }
            @{ Name = 'Stop-DyteRecording'; Command = { Stop-DyteRecording -RecordingId $anyId -WhatIf } }
            @{ Name = 'Suspend-DyteRecording'; Command = { Suspend-DyteRecording -RecordingId $anyId -WhatIf } }
            @{ Name = 'Resume-DyteRecording'; Command = { Resume-DyteRecording -RecordingId $anyId -WhatIf } }
            @{ Name = 'Start-DyteLivestream'; Command = { Start-DyteLivestream -MeetingId $meeting.Id -WhatIf } }
            @{ Name = 'Stop-DyteLivestream'; Command = { Stop-DyteLivestream -MeetingId $meeting.Id -Force -WhatIf } }
            @{ Name = 'New-DyteWebhook'; Command = { New-DyteWebhook -Name 'never' -Url 'https://hooks.example.com/never' -Event meeting.started -WhatIf } }
            @{ Name = 'Set-DyteWebhook'; Command = { Set-DyteWebhook -WebhookId $anyId -Name 'never' -WhatIf } }
            @{ Name = 'Remove-DyteWebhook'; Command = { Remove-DyteWebhook -WebhookId $anyId -Force -WhatIf } }
            @{ Name = 'Invoke-DyteRequest'; Command = { Invoke-DyteRequest -Method DELETE -Path "webhooks/$anyId" -WhatIf } }
        ) {
            & $Command | Should -BeNullOrEmpty

            Get-ApiRequest $organization.id | Should -HaveCount 0
        }

        It 'a piped -WhatIf only reads: Get-DyteMeeting | Set-DyteMeeting -Status Inactive -WhatIf' {
            Get-DyteMeeting | Set-DyteMeeting -Status Inactive -WhatIf

            $requests = Get-ApiRequest $organization.id
            $requests | Should -Not -BeNullOrEmpty
            $requests | Where-Object method -ne 'GET' | Should -BeNullOrEmpty
            (Get-DyteMeeting -MeetingId $meeting.Id).Status | Should -Be 'ACTIVE'
        }
    }

    Context 'Errors' {
        BeforeAll {
            $organization = New-TestOrganization
            $meeting = New-DyteMeeting -Title 'Real'
            $unknown = [guid]::NewGuid()
        }

        It 'an unknown id is a non-terminating DyteNotFound error with the service message' {
            $result = Get-DyteMeeting -MeetingId $unknown -ErrorAction SilentlyContinue -ErrorVariable failures

            $result | Should -BeNullOrEmpty
            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'DyteNotFound,*'
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $failures[0].TargetObject | Should -Be $unknown
            $failures[0].ErrorDetails.Message | Should -Not -BeNullOrEmpty
        }

        It 'fails one item and goes on with the next' {
            $result = Get-DyteMeeting -MeetingId $unknown, $meeting.Id -ErrorAction SilentlyContinue -ErrorVariable failures

            $result.Id | Should -Be $meeting.Id
            $failures | Should -HaveCount 1
        }

        It 'throws with -ErrorAction Stop' {
            { Get-DyteMeeting -MeetingId $unknown -ErrorAction Stop } | Should -Throw -ErrorId 'DyteNotFound,*'
            { Remove-DyteParticipant -MeetingId $meeting.Id -ParticipantId $unknown -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'DyteNotFound,*'
        }

        It 'what the service rejects is DyteBadRequest (InvalidArgument)' {
            Invoke-DyteRequest -Method POST -Path "meetings/$($meeting.Id)/participants" -Body @{ name = 'No preset' } -ErrorAction SilentlyContinue -ErrorVariable failures

            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'DyteBadRequest,*'
            $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $failures[0].ErrorDetails.Message | Should -BeLike '*preset_name*'
        }

        It 'a second recording of the same meeting is DyteConflict' {
            Start-DyteRecording -MeetingId $meeting.Id | Out-Null

            { Start-DyteRecording -MeetingId $meeting.Id -ErrorAction Stop } | Should -Throw -ErrorId 'DyteConflict,*'
            Get-DyteRecording -MeetingId $meeting.Id -Active | Stop-DyteRecording -Force | Out-Null
        }

        It 'a wrong API key stops Connect-Dyte with DyteUnauthorized and keeps the current connection' {
            $wrong = ConvertTo-SecureString -String 'not-the-key' -AsPlainText -Force

            { Connect-Dyte -BaseUri "$EmulatorRoot/v2" -OrganizationId $organization.id -ApiKey $wrong } | Should -Throw -ErrorId 'DyteUnauthorized,*'
            (Get-DyteConnection).OrganizationId | Should -Be $organization.id
            (Get-DyteMeeting -MeetingId $meeting.Id).Title | Should -Be 'Real'
        }

        It 'a value the parameters reject is never sent' {
            Clear-ApiRequest $organization.id

            { New-DyteMeeting -Title ' ' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
            { New-DyteWebhook -Name 'x' -Url 'ftp://example.com/x' -Event meeting.started -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
            Get-ApiRequest $organization.id | Should -HaveCount 0
        }
    }

    Context 'Admin recipes' {
        BeforeAll {
            $organization = New-TestOrganization
            $standup = New-DyteMeeting -Title 'Weekly standup'
            $onboarding = New-DyteMeeting -Title 'Customer onboarding'
            $sample = Join-Path $Examples 'participants.csv'
            $rows = @(Import-Csv -LiteralPath $sample)
        }

        It 'Import-DyteParticipants.ps1 -WhatIf adds no one and writes no file' {
            $tokens = Join-Path $TestDrive 'whatif-tokens.csv'
            Clear-ApiRequest $organization.id

            $summary = & (Join-Path $Examples 'Import-DyteParticipants.ps1') -Path $sample -OutputPath $tokens -WhatIf

            $summary.Added | Should -Be 0
            $summary.NotAdded | Should -Be $rows.Count
            Test-Path -LiteralPath $tokens | Should -BeFalse
            Get-ApiRequest $organization.id | Where-Object method -ne 'GET' | Should -BeNullOrEmpty
        }

        It 'Import-DyteParticipants.ps1 adds everyone in examples/participants.csv and writes their tokens' {
            $tokens = Join-Path $TestDrive 'tokens.csv'

            $summary = & (Join-Path $Examples 'Import-DyteParticipants.ps1') -Path $sample -OutputPath $tokens -ThrottleLimit 3

            $summary.Rows | Should -Be $rows.Count
            $summary.Invalid | Should -Be 0
            $summary.Added | Should -Be $rows.Count
            $summary.TokensFile | Should -Be $tokens

            $written = @(Import-Csv -LiteralPath $tokens)
            $written | Should -HaveCount $rows.Count
            $written.Name | Should -Be $rows.Name
            $written | ForEach-Object { $_.Token.Split('.') | Should -HaveCount 3 }

            foreach ($row in $rows) {
                $meetingId = (Get-DyteMeeting -Search $row.MeetingTitle | Where-Object Title -eq $row.MeetingTitle).Id
                $participant = Get-DyteParticipant -MeetingId $meetingId | Where-Object Name -eq $row.Name
                $participant | Should -HaveCount 1
                $participant.CustomParticipantId | Should -Be $row.CustomParticipantId
                $participant.PresetName | Should -Be $(if ($row.PresetName) { $row.PresetName } else { 'group_call_participant' })
                ($written | Where-Object Name -eq $row.Name).ParticipantId | Should -Be $participant.Id
                ($written | Where-Object Name -eq $row.Name).MeetingTitle | Should -Be $row.MeetingTitle
            }
        }

        It 'Import-DyteParticipants.ps1 refuses to overwrite a tokens file without -Force, before adding anyone' {
            $tokens = Join-Path $TestDrive 'tokens.csv'
            $before = @(Get-DyteMeeting | Get-DyteParticipant).Count

            { & (Join-Path $Examples 'Import-DyteParticipants.ps1') -Path $sample -OutputPath $tokens } | Should -Throw '*exists*'
            @(Get-DyteMeeting | Get-DyteParticipant).Count | Should -Be $before
        }

        It 'Import-DyteParticipants.ps1 takes MeetingId rows and reports bad rows by line' {
            $csv = Join-Path $TestDrive 'by-id.csv'
            @(
                [pscustomobject]@{ MeetingId = $onboarding.Id; MeetingTitle = ''; Name = 'By id'; PresetName = 'webinar_viewer'; CustomParticipantId = ''; Picture = '' }
                [pscustomobject]@{ MeetingId = 'not-a-guid'; MeetingTitle = ''; Name = 'Broken'; PresetName = ''; CustomParticipantId = ''; Picture = '' }
                [pscustomobject]@{ MeetingId = ''; MeetingTitle = 'No such meeting'; Name = 'Lost'; PresetName = ''; CustomParticipantId = ''; Picture = '' }
            ) | Export-Csv -LiteralPath $csv -NoTypeInformation

            $summary = & (Join-Path $Examples 'Import-DyteParticipants.ps1') -Path $csv -ErrorAction SilentlyContinue -ErrorVariable failures

            $summary.Added | Should -Be 1
            $summary.Invalid | Should -Be 2
            $failures | Should -HaveCount 2
            $failures[0].Exception.Message | Should -BeLike '*line 3:*not a GUID*'
            $failures[1].Exception.Message | Should -BeLike "*line 4:*no meeting is titled 'No such meeting'*"
            Test-Path -LiteralPath (Join-Path $TestDrive 'by-id.tokens.csv') | Should -BeTrue
            (Get-DyteParticipant -MeetingId $onboarding.Id | Where-Object Name -eq 'By id').PresetName | Should -Be 'webinar_viewer'
        }

        It 'Invoke-DyteCleanup.ps1 -WhatIf reports the actions and only reads' {
            Start-DyteRecording -MeetingId $standup.Id | Out-Null
            Clear-ApiRequest $organization.id

            $actions = & (Join-Path $Examples 'Invoke-DyteCleanup.ps1') -InactiveDays 0 -MaxRecordingHours 0 -WhatIf

            $actions.Action | Sort-Object -Unique | Should -Be @('DeactivateMeeting', 'StopRecording')
            $actions.Result | Sort-Object -Unique | Should -Be 'WhatIf'
            Get-ApiRequest $organization.id | Where-Object method -ne 'GET' | Should -BeNullOrEmpty
        }

        It 'Invoke-DyteCleanup.ps1 retires idle meetings and stops overlong recordings' {
            $actions = & (Join-Path $Examples 'Invoke-DyteCleanup.ps1') -InactiveDays 0 -MaxRecordingHours 0

            ($actions | Where-Object Action -eq 'DeactivateMeeting').Name | Sort-Object | Should -Be @('Customer onboarding', 'Weekly standup')
            ($actions | Where-Object Action -eq 'StopRecording') | Should -HaveCount 1
            $actions.Result | Sort-Object -Unique | Should -Be 'Done'
            Get-DyteMeeting | Where-Object Status -eq 'ACTIVE' | Should -BeNullOrEmpty
        }

        It 'Get-DyteRecordingReport.ps1 writes one row per recording' {
            Get-DyteRecording | Wait-DyteRecording -TimeoutSec 30 -PollIntervalSec 0.1 | Out-Null

            $report = & (Join-Path $Examples 'Get-DyteRecordingReport.ps1') -Days 1

            $report | Should -HaveCount 1
            $report.MeetingTitle | Should -Be 'Weekly standup'
            $report.Status | Should -Be 'UPLOADED'
            $report.Downloadable | Should -BeTrue
            $report.SizeMB | Should -BeGreaterThan 0
        }
    }
}
