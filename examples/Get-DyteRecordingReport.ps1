<#
.SYNOPSIS
    Lists recordings as report rows: meeting title, status, start, stop, duration, size and whether
    the file can be downloaded now.

.DESCRIPTION
    Writes one object per recording of the organization (or of the meetings given), for a weekly
    report, a storage review or a check that recordings finished uploading:

      MeetingTitle     the meeting's title
      MeetingId        the meeting's id
      RecordingId      the recording's id (pipe the rows to Save-DyteRecording to download them)
      Status           INVOKED, RECORDING, PAUSED, UPLOADING, UPLOADED or ERRORED
      Started          when recording started
      Stopped          when it stopped (empty while it runs)
      DurationMinutes  stopped minus started; for a recording still in progress, the time so far
      SizeMB           the file's size in MB (1 MB = 1,048,576 bytes) once uploaded
      Downloadable     true when the file is UPLOADED and its download link has not expired
      LinkExpires      when the current download link expires

    Recordings come in the order the service lists them. Nothing is changed. The script uses the
    current DytePS connection; when there is none it runs Connect-Dyte, which reads DYTE_ORG_ID,
    DYTE_API_KEY (and DYTE_BASE_URI), or the RealtimeKit variables.

.PARAMETER Days
    Only recordings started in the last this many days (and those that have not started yet).
    Default: every recording.

.PARAMETER MeetingId
    Only these meetings' recordings. Default: every meeting's.

.EXAMPLE
    ./Get-DyteRecordingReport.ps1 -Days 7 | Format-Table -AutoSize
    Last week's recordings as a table.

.EXAMPLE
    ./Get-DyteRecordingReport.ps1 -Days 30 | Export-Csv -Path recordings.csv -NoTypeInformation
    A month of recordings for a spreadsheet.

.EXAMPLE
    ./Get-DyteRecordingReport.ps1 | Where-Object { -not $_.Downloadable -and $_.Status -eq 'UPLOADED' }
    Uploaded recordings whose download link has expired (Save-DyteRecording fetches a fresh one).

.EXAMPLE
    ./Get-DyteRecordingReport.ps1 -MeetingId $meeting.Id | Where-Object Downloadable | Save-DyteRecording -Path ./recordings
    Downloads every downloadable recording of one meeting.
#>
# Runs in the hosted engine: yes
[CmdletBinding(PositionalBinding = $false)]
param(
    [ValidateRange(1, 36500)]
    [int] $Days,

    [guid[]] $MeetingId
)

Set-StrictMode -Version Latest

# Only Microsoft.PowerShell.Core commands and DytePS below (no Get-Date, Select-Object, Sort-Object...),
# so the script also runs in a minimal PowerShell host such as DytePS's tests and playground.

if (-not (Get-DyteConnection)) {
    Connect-Dyte -ErrorAction Stop
}

$now = [datetimeoffset]::UtcNow
$inProgress = 'INVOKED', 'RECORDING', 'PAUSED'

$recordings = if ($MeetingId) {
    foreach ($id in $MeetingId) { Get-DyteRecording -MeetingId $id }
}
else {
    Get-DyteRecording
}
$recordings = @($recordings)
if ($PSBoundParameters.ContainsKey('Days')) {
    $since = $now.AddDays(-$Days)
    $recordings = $recordings.Where({ $null -eq $_.StartedTime -or $_.StartedTime -ge $since })
}

# Each meeting's title, one request per meeting that has recordings in the report.
$titles = @{}
foreach ($recording in $recordings) { $titles[$recording.MeetingId.ToString()] = $null }
if ($titles.Count -gt 0) {
    $missing = @()
    foreach ($meeting in Get-DyteMeeting -MeetingId ([guid[]] @($titles.Keys)) -ErrorAction SilentlyContinue -ErrorVariable missing) {
        $titles[$meeting.Id.ToString()] = $meeting.Title
    }
    foreach ($failure in $missing) {
        $PSCmdlet.WriteWarning("No title for meeting $($failure.TargetObject): $($failure.Exception.Message)")
    }
}

foreach ($recording in $recordings) {
    $duration = $null
    if ($null -ne $recording.StartedTime) {
        if ($null -ne $recording.StoppedTime) {
            $duration = $recording.StoppedTime - $recording.StartedTime
        }
        elseif ($inProgress -contains $recording.Status) {
            $duration = $now - $recording.StartedTime
        }
    }
    $linkValid = $null -eq $recording.DownloadUrlExpiry -or $recording.DownloadUrlExpiry -gt $now

    [pscustomobject]@{
        PSTypeName      = 'DytePS.RecordingReportRow'
        MeetingTitle    = $titles[$recording.MeetingId.ToString()]
        MeetingId       = $recording.MeetingId
        RecordingId     = $recording.Id
        Status          = $recording.Status
        Started         = $recording.StartedTime
        Stopped         = $recording.StoppedTime
        DurationMinutes = if ($null -ne $duration) { [math]::Round($duration.TotalMinutes, 1) } else { $null }
        SizeMB          = if ($null -ne $recording.FileSize) { [math]::Round($recording.FileSize / 1MB, 2) } else { $null }
        Downloadable    = $recording.Status -eq 'UPLOADED' -and -not [string]::IsNullOrEmpty($recording.DownloadUrl) -and $linkValid
        LinkExpires     = $recording.DownloadUrlExpiry
    }
}
