<#
.SYNOPSIS
    Adds participants to meetings from a CSV file and writes their SDK auth tokens to another CSV.

.DESCRIPTION
    Reads a CSV with the columns MeetingId or MeetingTitle, Name, PresetName, CustomParticipantId
    and Picture (see participants.csv beside this script), adds one participant per row with
    New-DyteParticipant, several requests at once (-ThrottleLimit), and writes the participants
    with their tokens to -OutputPath: MeetingId, MeetingTitle, ParticipantId, Name,
    CustomParticipantId, PresetName, Token.

    - A row names its meeting by MeetingId, or by MeetingTitle when MeetingId is empty. A title
      must match exactly one meeting, letter case aside (ACTIVE ones are preferred when several
      share the title).
    - An empty PresetName takes -DefaultPresetName; empty Name, CustomParticipantId and Picture
      are left out.
    - A row that cannot be sent (no meeting, an unknown meeting, a bad MeetingId or Picture) is
      reported as an error naming its line, and the other rows still go. A row the service
      refuses is reported as New-DyteParticipant's error.

    Finally it writes one summary object: Rows, Invalid, Added, NotAdded (refused, declined under
    -Confirm, or not sent under -WhatIf) and TokensFile.

    The tokens let anyone join as those participants until they expire: keep the output file
    where only the people who hand out the links can read it, and delete it afterwards. A lost
    token is not a problem: New-DyteParticipantToken issues a new one.

    With -WhatIf each participant is reported and nothing is added or written; -Confirm asks
    before each participant. The script uses the current DytePS connection; when there is none
    it runs Connect-Dyte, which reads DYTE_ORG_ID, DYTE_API_KEY (and DYTE_BASE_URI), or the
    RealtimeKit variables.

.PARAMETER Path
    The CSV file of participants to add.

.PARAMETER OutputPath
    Where to write the tokens CSV. Default: <name of the input>.tokens.csv beside the input.

.PARAMETER ThrottleLimit
    How many participants to add at once (1 to 64). Default 4.

.PARAMETER DefaultPresetName
    The preset for rows whose PresetName is empty. Default group_call_participant.

.PARAMETER Delimiter
    The character between the columns of both files. Default ','; use ';' for CSV files from
    spreadsheets in locales that write decimal commas.

.PARAMETER Force
    Overwrite -OutputPath when it exists. Without it an existing tokens file is an error, found
    before anyone is added.

.EXAMPLE
    ./Import-DyteParticipants.ps1 -Path ./participants.csv -WhatIf
    Shows who would be added to which meeting, without adding anyone.

.EXAMPLE
    ./Import-DyteParticipants.ps1 -Path ./participants.csv -OutputPath ./tokens.csv -ThrottleLimit 8
    Adds the participants, eight requests at a time, and writes their tokens to tokens.csv.

.EXAMPLE
    ./Import-DyteParticipants.ps1 -Path ./attendees.csv -DefaultPresetName webinar_viewer -Delimiter ';' -Force
    Imports a semicolon-separated file, making everyone without a preset a webinar viewer, and
    replaces the tokens file of an earlier run.
#>
# Runs in the hosted engine: no (needs Import-Csv and Export-Csv)
[CmdletBinding(SupportsShouldProcess, PositionalBinding = $false)]
param(
    [Parameter(Mandatory, Position = 0)]
    [ValidateNotNullOrEmpty()]
    [string] $Path,

    [ValidateNotNullOrEmpty()]
    [string] $OutputPath,

    [ValidateRange(1, 64)]
    [int] $ThrottleLimit = 4,

    [ValidateNotNullOrEmpty()]
    [string] $DefaultPresetName = 'group_call_participant',

    [char] $Delimiter = ',',

    [switch] $Force
)

Set-StrictMode -Version Latest

$Path = (Resolve-Path -LiteralPath $Path -ErrorAction Stop).ProviderPath
if (-not $OutputPath) {
    $OutputPath = Join-Path (Split-Path -Parent $Path) ([IO.Path]::GetFileNameWithoutExtension($Path) + '.tokens.csv')
}
$OutputPath = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($OutputPath)
if ((Test-Path -LiteralPath $OutputPath) -and -not $Force) {
    # Checked before anyone is added, so a run never adds participants whose tokens it cannot write.
    throw "$OutputPath exists: give another -OutputPath, or -Force to overwrite it."
}

$rows = @(Import-Csv -LiteralPath $Path -Delimiter $Delimiter -ErrorAction Stop)
if ($rows.Count -eq 0) {
    $PSCmdlet.WriteWarning("$Path has no rows.")
    return
}
$columns = @($rows[0].PSObject.Properties.Name)
if ($columns -notcontains 'MeetingId' -and $columns -notcontains 'MeetingTitle') {
    throw "$Path needs a MeetingId or a MeetingTitle column (it has: $($columns -join ', '))."
}

if (-not (Get-DyteConnection)) {
    Connect-Dyte -ErrorAction Stop
}

# A column's trimmed value, or $null when the column is missing or the cell is empty.
function Get-Cell($Row, [string] $Column) {
    $property = $Row.PSObject.Properties[$Column]
    if ($null -eq $property -or [string]::IsNullOrWhiteSpace($property.Value)) { return $null }
    $property.Value.Trim()
}

# A non-terminating error about one row: the other rows still go.
function Write-RowError([int] $Line, [string] $Message, $Row) {
    $exception = [System.IO.InvalidDataException]::new("${Path}, line ${Line}: $Message")
    $PSCmdlet.WriteError([System.Management.Automation.ErrorRecord]::new($exception, 'DyteImportInvalidRow', 'InvalidData', $Row))
}

# The meetings the rows name: all of them when some rows name theirs by title (one paged
# listing), and the ones named by id (one request each, so an unknown id is caught here).
$meetingsById = @{}
$meetingsByTitle = @{}
if ($rows.Where({ -not (Get-Cell $_ 'MeetingId') -and (Get-Cell $_ 'MeetingTitle') }, 'First').Count -gt 0) {
    foreach ($meeting in Get-DyteMeeting -ErrorAction Stop) {
        $meetingsById[$meeting.Id.ToString()] = $meeting
        if (-not $meeting.Title) { continue }
        if (-not $meetingsByTitle.ContainsKey($meeting.Title)) { $meetingsByTitle[$meeting.Title] = [System.Collections.Generic.List[object]]::new() }
        $meetingsByTitle[$meeting.Title].Add($meeting)
    }
}
$wantedIds = [System.Collections.Generic.List[guid]]::new()
foreach ($row in $rows) {
    $parsed = [guid]::Empty
    $text = Get-Cell $row 'MeetingId'
    if ($text -and [guid]::TryParse($text, [ref] $parsed) -and -not $meetingsById.ContainsKey($parsed.ToString()) -and -not $wantedIds.Contains($parsed)) {
        $wantedIds.Add($parsed)
    }
}
if ($wantedIds.Count -gt 0) {
    # An unknown id is reported below, as an error about its row.
    foreach ($meeting in Get-DyteMeeting -MeetingId $wantedIds.ToArray() -ErrorAction Ignore) {
        $meetingsById[$meeting.Id.ToString()] = $meeting
    }
}

# One request object per valid row, with the parameter names New-DyteParticipant binds by property name.
$requests = [System.Collections.Generic.List[object]]::new()
$invalid = 0
for ($index = 0; $index -lt $rows.Count; $index++) {
    $row = $rows[$index]
    $line = $index + 2  # line 1 is the header
    $meetingId = Get-Cell $row 'MeetingId'
    $meetingTitle = Get-Cell $row 'MeetingTitle'
    $meeting = $null
    if ($meetingId) {
        $parsed = [guid]::Empty
        if (-not [guid]::TryParse($meetingId, [ref] $parsed)) {
            Write-RowError $line "MeetingId '$meetingId' is not a GUID." $row
            $invalid++
            continue
        }
        $meeting = $meetingsById[$parsed.ToString()]
        if (-not $meeting) {
            Write-RowError $line "no meeting has the id $parsed." $row
            $invalid++
            continue
        }
    }
    elseif ($meetingTitle) {
        $all = @(if ($meetingsByTitle.ContainsKey($meetingTitle)) { $meetingsByTitle[$meetingTitle] })
        $matching = $all
        if ($all.Count -gt 1) { $matching = @($all.Where({ $_.Status -eq 'ACTIVE' })) }
        if ($matching.Count -ne 1) {
            $problem = if ($all.Count -eq 0) { "no meeting is titled '$meetingTitle'" }
            else { "$($all.Count) meetings are titled '$meetingTitle' ($($matching.Count) of them ACTIVE); give the MeetingId instead" }
            Write-RowError $line "$problem." $row
            $invalid++
            continue
        }
        $meeting = $matching[0]
    }
    else {
        Write-RowError $line 'neither MeetingId nor MeetingTitle is given.' $row
        $invalid++
        continue
    }

    $picture = Get-Cell $row 'Picture'
    $pictureUri = $null
    if ($picture -and -not ([uri]::TryCreate($picture, [UriKind]::Absolute, [ref] $pictureUri) -and $pictureUri.Scheme -in 'http', 'https')) {
        Write-RowError $line "Picture '$picture' is not an absolute http(s) URL." $row
        $invalid++
        continue
    }

    $request = [ordered]@{ MeetingId = $meeting.Id; PresetName = $DefaultPresetName }
    $preset = Get-Cell $row 'PresetName'
    if ($preset) { $request.PresetName = $preset }
    foreach ($column in 'Name', 'CustomParticipantId', 'Picture') {
        $value = Get-Cell $row $column
        if ($value) { $request[$column] = $value }
    }
    $requests.Add([pscustomobject] $request)
}

# Several at once; results come back in input order, a refused row as one error each.
$added = @()
if ($requests.Count -gt 0) {
    $added = @($requests | New-DyteParticipant -ThrottleLimit $ThrottleLimit -WhatIf:$WhatIfPreference)
}

$tokensFile = $null
if ($added.Count -gt 0) {
    $titles = @{}
    foreach ($meeting in $meetingsById.Values) { $titles[$meeting.Id.ToString()] = $meeting.Title }
    $added |
        ForEach-Object {
            [pscustomobject]@{
                MeetingId           = $_.MeetingId
                MeetingTitle        = $titles[$_.MeetingId.ToString()]
                ParticipantId       = $_.Id
                Name                = $_.Name
                CustomParticipantId = $_.CustomParticipantId
                PresetName          = $_.PresetName
                Token               = $_.Token
            }
        } |
        Export-Csv -LiteralPath $OutputPath -Delimiter $Delimiter -NoTypeInformation -Encoding utf8 -Force -Confirm:$false -WhatIf:$false -ErrorAction Stop
    $tokensFile = $OutputPath
}

[pscustomobject]@{
    PSTypeName = 'DytePS.ParticipantImport'
    Rows       = $rows.Count
    Invalid    = $invalid
    Added      = $added.Count
    NotAdded   = $requests.Count - $added.Count
    TokensFile = $tokensFile
}
