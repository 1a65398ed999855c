using DytePS.Emulator;

EmulatorOptions? options;
try
{
    options = CommandLine.Parse(args);
}
catch (FormatException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
if (options is null)
{
    Console.WriteLine(CommandLine.Help);
    return 0;
}

DyteEmulator started;
try
{
    started = await DyteEmulator.StartAsync(options);
}
catch (DytePS.Emulator.Persistence.DataFileInUseException e)
{
    // Another emulator runs on the same --data file: exit code 3, one line.
    Console.Error.WriteLine(e.Message);
    return 3;
}
catch (FormatException e)
{
    // Options that can only be checked against the running API (a --fault's operation or organization).
    Console.Error.WriteLine(e.Message);
    return 2;
}
await using var emulator = started;
var organization = emulator.State.Find(options.OrganizationsOrDemo[0].Id)!;
Console.WriteLine($"""
    Dyte v2 API emulator listening on {emulator.ApiBaseUri}
      Organization id: {organization.Id}
      API key:         {organization.ApiKey}   (a local demo credential, not a secret)
      Account id:      {organization.AccountId}
      RealtimeKit:     {emulator.RealtimeKitBaseUri(organization.AccountId, organization.Id)}   (Authorization: Bearer <API key>)
      Control API:     {emulator.ControlUri}

    Connect from PowerShell:
      $env:DYTE_BASE_URI = '{emulator.ApiBaseUri}'
      $env:DYTE_ORG_ID   = '{organization.Id}'
      $env:DYTE_API_KEY  = '{organization.ApiKey}'
      Connect-Dyte

    Press Ctrl+C to stop.
    """);
await emulator.WaitForShutdownAsync();
return 0;
