using DytePS.Emulator.Infrastructure;
using DytePS.Emulator.Webhooks;

namespace DytePS.Emulator.Control;

/// <summary>
/// The webhook side of the control surface: the delivery log (<c>/_emulator/deliveries</c>) and the
/// public key receivers verify signatures with, at the service's address
/// <c>/.well-known/webhooks.json</c>.
/// </summary>
public static class DeliveryEndpoints
{
    public const string WellKnownPath = "/.well-known/webhooks.json";

    public static void Map(WebApplication app, RouteGroupBuilder control)
    {
        control.MapGet("/deliveries", (string? organization, DeliveryLog log) => Results.Json(log.Snapshot(organization), ApiJson.Options));
        control.MapDelete("/deliveries", (string? organization, DeliveryLog log) =>
        {
            log.Clear(organization);
            return Results.NoContent();
        });
        // The shape RealtimeKit documents for its key (Dyte's address serves the same service).
        app.MapGet(WellKnownPath, (WebhookSigner signer) =>
            Results.Json(new { success = true, data = new { publicKey = signer.PublicKeyPem }, message = "" }));
    }
}
