using DytePS.Emulator;

// Every way the emulator refuses to start is one line on standard error and an exit code from
// CommandLine.Help's "Exit codes" (never a stack trace): scripts and CI steps test the code.
EmulatorOptions? options;
try
{
    options = CommandLine.Parse(args);
}
catch (FormatException e)
{
    return CommandLine.Fail(e.Message, CommandLine.ExitBadInput);
}
if (options is null)
{
    Console.WriteLine(CommandLine.Help);
    return CommandLine.ExitOk;
}

DyteEmulator started;
try
{
    started = await DyteEmulator.StartAsync(options);
}
catch (DytePS.Emulator.Persistence.DataFileInUseException e)
{
    // Another emulator runs on the same --data file.
    return CommandLine.Fail(e.Message, CommandLine.ExitInUse);
}
catch (FormatException e)
{
    // Options that can only be checked against the running API (a --fault's operation or
    // organization) and a --data file that cannot be opened, created or read.
    return CommandLine.Fail(e.Message, CommandLine.ExitBadInput);
}
catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    return CommandLine.Fail($"port {options.Port} on 127.0.0.1 is in use by another program; choose another with --port (0 picks a free one).", CommandLine.ExitInUse);
}
catch (IOException e)
{
    return CommandLine.Fail($"cannot listen on port {options.Port} of 127.0.0.1: {e.Message}", CommandLine.ExitInUse);
}
catch (Exception e)
{
    return CommandLine.Fail($"could not start: {e.GetType().Name}: {e.Message}", CommandLine.ExitFailed);
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
return CommandLine.ExitOk;
