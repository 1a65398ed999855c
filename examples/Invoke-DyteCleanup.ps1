<#
.SYNOPSIS
    Retires idle meetings, stops recordings that run too long and removes webhooks that point at
    retired hosts; one summary object per action.

.DESCRIPTION
    A housekeeping script to schedule (daily, say) for a Dyte organization:

    - Meetings: an ACTIVE meeting is deactivated (set INACTIVE, the way Dyte retires meetings; it
      is never deleted) when no session of it started in the last -InactiveDays days, or when it
      never had a session and was created more than -InactiveDays days ago. A meeting with a
      live session is never touched.
    - Recordings: a recording still in progress (INVOKED, RECORDING or PAUSED) that started more
      than -MaxRecordingHours hours ago is stopped; it then uploads as usual.
    - Webhooks: a webhook whose URL's host matches one of -RetiredHost is removed. Without
      -RetiredHost no webhook is removed.

    Each action writes one object: Action (DeactivateMeeting, StopRecording, RemoveWebhook), Id,
    Name, Reason, Result (Done, WhatIf, Declined or Failed) and Error. A failed action also
    writes its error record, so a scheduler sees the failure; the other actions still run.

    Use -WhatIf first: it reports every action and sends nothing but the reads. -Confirm asks
    before each action. The script uses the current DytePS connection; when there is none it
    runs Connect-Dyte, which reads DYTE_ORG_ID, DYTE_API_KEY (and DYTE_BASE_URI), or the
    RealtimeKit variables.

.PARAMETER InactiveDays
    Days without a session start (or, for a meeting that never had one, since its creation)
    after which an ACTIVE meeting is deactivated. Default 90. 0 retires every meeting that is not
    live at this moment.

.PARAMETER MaxRecordingHours
    Hours after which a recording still in progress is stopped. Default 8.

.PARAMETER RetiredHost
    Host names whose webhooks are removed, matched case-insensitively against the host of each
    webhook's URL; wildcards are allowed ('*.old.example.com'). Default: none, so no webhook is
    removed.

.PARAMETER Include
    Which of the three cleanups to run: Meetings, Recordings, Webhooks. Default: all three.

.EXAMPLE
    ./Invoke-DyteCleanup.ps1 -WhatIf
    Shows what a cleanup with the defaults would do (meetings idle for 90 days, recordings
    running for more than 8 hours), without changing anything.

.EXAMPLE
    ./Invoke-DyteCleanup.ps1 -InactiveDays 30 -MaxRecordingHours 4 -RetiredHost 'hooks.old.example.com', '*.staging.example.com'
    Retires meetings idle for 30 days, stops recordings running for more than 4 hours and
    removes the webhooks that deliver to the two retired hosts.

.EXAMPLE
    ./Invoke-DyteCleanup.ps1 -Include Recordings -MaxRecordingHours 12 | Where-Object Result -eq 'Failed'
    Only stops recordings running for more than 12 hours, and lists the stops that failed.

.EXAMPLE
    pwsh -NoProfile -File ./Invoke-DyteCleanup.ps1 -InactiveDays 60 | Export-Csv -Path cleanup.csv -NoTypeInformation
    A scheduled run: DYTE_ORG_ID and DYTE_API_KEY in the task's environment, the summary to a CSV file.
#>
# Runs in the hosted engine: yes
[CmdletBinding(SupportsShouldProcess, PositionalBinding = $false)]
param(
    [ValidateRange(0, 36500)]
    [int] $InactiveDays = 90,

    [ValidateRange(0, 8760)]
    [double] $MaxRecordingHours = 8,

    [ValidateNotNullOrEmpty()]
    [string[]] $RetiredHost = @(),

    [ValidateSet('Meetings', 'Recordings', 'Webhooks')]
    [string[]] $Include = @('Meetings', 'Recordings', 'Webhooks')
)

Set-StrictMode -Version Latest

# Only Microsoft.PowerShell.Core commands and DytePS below (no Get-Date, Select-Object, Write-Host...),
# so the script also runs in a minimal PowerShell host such as DytePS's tests and playground.

if (-not (Get-DyteConnection)) {
    Connect-Dyte -ErrorAction Stop
}

$now = [datetimeoffset]::UtcNow
$invariant = [cultureinfo]::InvariantCulture

function ConvertTo-UtcText($Time) {
    if ($null -eq $Time) { return 'an unknown time' }
    $Time.UtcDateTime.ToString('yyyy-MM-dd HH:mm', $invariant) + ' UTC'
}

# Asks ShouldProcess (which reports under -WhatIf and prompts under -Confirm) and says what to do.
function Confirm-CleanupAction([string] $Target, [string] $Operation) {
    if ($PSCmdlet.ShouldProcess($Target, $Operation)) { return 'Proceed' }
    if ($WhatIfPreference) { return 'WhatIf' }
    'Declined'
}

# The summary object of one action.
function New-CleanupSummary([string] $Action, [guid] $Id, [string] $Name, [string] $Reason, [string] $Decision, [object[]] $Failures) {
    $result = $Decision
    $message = $null
    if ($Decision -eq 'Proceed') {
        $result = 'Done'
        if (@($Failures).Count -gt 0) {
            $result = 'Failed'
            $message = @($Failures)[0].ToString()
        }
    }
    [pscustomobject]@{
        PSTypeName = 'DytePS.CleanupAction'
        Action     = $Action
        Id         = $Id
        Name       = $Name
        Reason     = $Reason
        Result     = $result
        Error      = $message
    }
}

$meetings = @()
$meetingTitles = @{}
if ($Include -contains 'Meetings' -or $Include -contains 'Recordings') {
    $meetings = @(Get-DyteMeeting)
    foreach ($meeting in $meetings) { $meetingTitles[$meeting.Id.ToString()] = $meeting.Title }
}

if ($Include -contains 'Meetings') {
    $cutoff = $now.AddDays(-$InactiveDays)

    # One listing of every session: for each meeting, its latest start and whether one is live.
    $lastStart = @{}
    $live = @{}
    foreach ($session in Get-DyteSession) {
        $key = $session.AssociatedId.ToString()
        if ($session.Status -eq 'LIVE') { $live[$key] = $true }
        if ($null -ne $session.StartedAt -and ($null -eq $lastStart[$key] -or $session.StartedAt -gt $lastStart[$key])) {
            $lastStart[$key] = $session.StartedAt
        }
    }

    foreach ($meeting in $meetings.Where({ $_.Status -eq 'ACTIVE' })) {
        $key = $meeting.Id.ToString()
        if ($live[$key]) {
            $PSCmdlet.WriteVerbose("Meeting '$($meeting.Title)' ($key) has a live session; left alone.")
            continue
        }
        $reason = $null
        if ($null -ne $lastStart[$key]) {
            if ($lastStart[$key] -lt $cutoff) {
                $reason = "Last session started $(ConvertTo-UtcText $lastStart[$key]), more than $InactiveDays day(s) ago"
            }
        }
        elseif ($null -ne $meeting.CreatedAt -and $meeting.CreatedAt -lt $cutoff) {
            $reason = "No session since it was created $(ConvertTo-UtcText $meeting.CreatedAt), more than $InactiveDays day(s) ago"
        }
        if ($null -eq $reason) { continue }

        $failures = @()
        $decision = Confirm-CleanupAction "Meeting '$($meeting.Title)' ($key)" 'Deactivate (set status INACTIVE)'
        if ($decision -eq 'Proceed') {
            Set-DyteMeeting -MeetingId $meeting.Id -Status Inactive -Confirm:$false -ErrorVariable failures
        }
        New-CleanupSummary 'DeactivateMeeting' $meeting.Id $meeting.Title $reason $decision $failures
    }
}

if ($Include -contains 'Recordings') {
    $cutoff = $now.AddHours(-$MaxRecordingHours)
    foreach ($status in 'INVOKED', 'RECORDING', 'PAUSED') {
        foreach ($recording in Get-DyteRecording -Status $status) {
            if ($null -eq $recording.StartedTime -or $recording.StartedTime -ge $cutoff) { continue }
            $hours = [math]::Round(($now - $recording.StartedTime).TotalHours, 1)
            $name = $meetingTitles[$recording.MeetingId.ToString()]
            if (-not $name) { $name = $recording.OutputFileName }
            $reason = "$status for $hours h (started $(ConvertTo-UtcText $recording.StartedTime)), more than $MaxRecordingHours h"

            $failures = @()
            $decision = Confirm-CleanupAction "Recording $($recording.Id) of meeting '$name'" 'Stop'
            if ($decision -eq 'Proceed') {
                Stop-DyteRecording -RecordingId $recording.Id -Confirm:$false -ErrorVariable failures | Out-Null
            }
            New-CleanupSummary 'StopRecording' $recording.Id $name $reason $decision $failures
        }
    }
}

if ($Include -contains 'Webhooks' -and $RetiredHost.Count -gt 0) {
    foreach ($webhook in Get-DyteWebhook) {
        $uri = $null
        if (-not [uri]::TryCreate($webhook.Url, [UriKind]::Absolute, [ref] $uri)) { continue }
        $retired = $RetiredHost.Where({ $uri.Host -like $_ }, 'First')
        if ($retired.Count -eq 0) { continue }
        $reason = "URL host '$($uri.Host)' is retired ('$($retired[0])')"

        $failures = @()
        $decision = Confirm-CleanupAction "Webhook '$($webhook.Name)' -> $($webhook.Url)" 'Remove'
        if ($decision -eq 'Proceed') {
            Remove-DyteWebhook -WebhookId $webhook.Id -Confirm:$false -ErrorVariable failures
        }
        New-CleanupSummary 'RemoveWebhook' $webhook.Id $webhook.Name $reason $decision $failures
    }
}
