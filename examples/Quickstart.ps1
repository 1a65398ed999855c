# Quickstart: connect, create meetings, list them, retire one.
# Runs as is against the emulator (dotnet run --project tools/DytePS.Playground), which sets
# DYTE_BASE_URI, DYTE_ORG_ID and DYTE_API_KEY; against the real service, set those yourself
# (DYTE_BASE_URI may be left out) or call Connect-Dyte -OrganizationId <id> -ApiKey <key>.
# Out-Host renders each result as its own table, as typing the commands at a prompt would.

Connect-Dyte
Get-DyteConnection | Out-Host

'Weekly standup', 'Customer onboarding', 'All hands' | ForEach-Object { New-DyteMeeting -Title $_ } | Out-Null

# Every meeting of the organization, paged automatically, in the default table view.
Get-DyteMeeting | Out-Host

# Meetings are never deleted in Dyte: retiring one means making it INACTIVE.
Get-DyteMeeting | Where-Object Title -eq 'All hands' | Set-DyteMeeting -Status Inactive -PassThru | Out-Host
