using DytePS.Emulator.Infrastructure;
using DytePS.Emulator.State;

namespace DytePS.Emulator.Control;

/// <summary>
/// The control surface under <c>/_emulator</c>: create organizations, seed and reset their data,
/// read the request log. Unauthenticated by design: the emulator listens on loopback only.
/// </summary>
public static class ControlEndpoints
{
    public static void Map(WebApplication app)
    {
        var control = app.MapGroup(ControlPath.Root);
        control.MapGet("/", (EmulatorState state) => Results.Json(new
        {
            name = "DytePS Dyte v2 API emulator",
            organizations = state.Organizations.Count(),
        }, ApiJson.Options));

        control.MapGet("/organizations", (EmulatorState state) =>
            Results.Json(state.Organizations.Select(o => new { id = o.Id }), ApiJson.Options));
        control.MapPost("/organizations", CreateOrganization);
        control.MapPost("/organizations/{organizationId}/reset", (string organizationId, EmulatorState state, RequestLog log) =>
        {
            RequireOrganization(state, organizationId).Reset();
            log.Clear(organizationId);
            return Results.NoContent();
        });
        control.MapPost("/organizations/{organizationId}/seed", Seed);

        control.MapGet("/requests", (string? organization, RequestLog log) =>
            Results.Json(log.Snapshot(organization), ApiJson.Options));
        control.MapDelete("/requests", (string? organization, RequestLog log) =>
        {
            log.Clear(organization);
            return Results.NoContent();
        });
    }

    private static async Task<IResult> CreateOrganization(HttpContext context, EmulatorState state)
    {
        var body = await JsonBody.ReadAsync(context.Request, required: false);
        var id = body.Uuid("id")?.ToString() ?? Guid.NewGuid().ToString();
        var apiKey = body.String("api_key", allowEmpty: false) ?? Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        try
        {
            state.AddOrganization(id, apiKey);
        }
        catch (InvalidOperationException e)
        {
            throw ApiProblem.Conflict(e.Message);
        }
        return Results.Json(new { id, api_key = apiKey }, ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>Creates data in bulk without an HTTP call per item: <c>{"meetings": 250}</c>.</summary>
    private static async Task<IResult> Seed(HttpContext context, string organizationId, EmulatorState state)
    {
        var organization = RequireOrganization(state, organizationId);
        var body = await JsonBody.ReadAsync(context.Request);
        var meetings = body.Int("meetings", 0, 10_000_000) ?? 0;
        var created = Seeder.AddMeetings(organization, state, meetings, body.String("title_prefix") ?? "Seeded meeting");
        return Results.Json(new { meetings = created }, ApiJson.Options);
    }

    private static Organization RequireOrganization(EmulatorState state, string id) =>
        state.Find(id) ?? throw ApiProblem.NotFound("Organization");
}
