using DytePS.Emulator.Faults;
using DytePS.Emulator.Infrastructure;
using DytePS.Emulator.State;
using DytePS.Emulator.Webhooks;

namespace DytePS.Emulator.Control;

/// <summary>
/// The control surface under <c>/_emulator</c>: create organizations, seed and reset their data,
/// read the request log, make participants join and leave (<see cref="PresenceEndpoints"/>), and
/// serve recording files (<see cref="DownloadEndpoints"/>). Unauthenticated by design: the
/// emulator listens on loopback only.
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

        control.MapGet("/organizations", (EmulatorState state) => Results.Json(state.Organizations.Select(o => View(o)), ApiJson.Options));
        control.MapPost("/organizations", CreateOrganization);
        control.MapPost("/organizations/{organizationId}/reset", (
            string organizationId, EmulatorState state, RequestLog log, FaultRegistry faults, RateLimits limits, DeliveryLog deliveries, IStateStore store,
            WebhookDeliverer deliverer, Events.EventDispatcher dispatcher) =>
        {
            var organization = RequireOrganization(state, organizationId);
            OrganizationWrites.Run(organization, store, dispatcher, () =>
            {
                organization.Reset();
                return 0;
            });
            // Its webhook deliveries too: queued, in flight and retries to come.
            deliverer.Drain(organization.Id);
            log.Clear(organizationId);
            faults.Clear(organizationId);
            limits.Reset(organizationId);
            deliveries.Clear(organizationId);
            return Results.NoContent();
        });
        control.MapPost("/organizations/{organizationId}/seed", Seed);
        control.MapPut("/organizations/{organizationId}/rate-limit", SetRateLimit);

        control.MapGet("/requests", (string? organization, RequestLog log) =>
            Results.Json(log.Snapshot(organization), ApiJson.Options));
        control.MapDelete("/requests", (string? organization, RequestLog log) =>
        {
            log.Clear(organization);
            return Results.NoContent();
        });

        FaultEndpoints.Map(control);
        DeliveryEndpoints.Map(app, control);
        PresenceEndpoints.Map(control);
        DownloadEndpoints.Map(control);
    }

    private static async Task<IResult> CreateOrganization(HttpContext context, EmulatorState state, IStateStore store)
    {
        var body = await JsonBody.ReadAsync(context.Request, required: false);
        var id = body.Uuid("id")?.ToString() ?? Guid.NewGuid().ToString();
        var apiKey = body.String("api_key", allowEmpty: false) ?? Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var delayMs = body.Int("lifecycle_delay_ms", 0, 86_400_000);
        var accountId = body.Uuid("account_id")?.ToString();
        var flavor = body.Enum("flavor", Organization.Flavors);
        var retryDelayMs = body.Int("webhook_retry_delay_ms", 0, 3_600_000);
        var perMinute = body.Int("requests_per_minute", 0, 1_000_000);
        Organization organization;
        try
        {
            organization = state.AddOrganization(id, apiKey, delayMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null, accountId, flavor,
                retryDelayMs is { } retry ? TimeSpan.FromMilliseconds(retry) : null, perMinute);
        }
        catch (InvalidOperationException e)
        {
            throw ApiProblem.Conflict(e.Message);
        }
        try
        {
            store.SaveOrganization(organization);
        }
        catch (Persistence.DataFileUnavailableException)
        {
            // Not in the file: not created.
            state.Remove(organization);
            throw;
        }
        return Results.Json(View(organization, withKey: true), ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>An organization's settings; the API key only to whoever just created it.</summary>
    private static Dictionary<string, object?> View(Organization organization, bool withKey = false)
    {
        var view = new Dictionary<string, object?>
        {
            ["id"] = organization.Id,
            ["account_id"] = organization.AccountId,
            ["flavor"] = organization.Flavor,
            ["lifecycle_delay_ms"] = (long)organization.LifecycleDelay.TotalMilliseconds,
            ["webhook_retry_delay_ms"] = (long)organization.WebhookRetryDelay.TotalMilliseconds,
            ["requests_per_minute"] = organization.RequestsPerMinute,
        };
        if (withKey) view["api_key"] = organization.ApiKey;
        return view;
    }

    /// <summary><c>{"requests_per_minute": n}</c>; 0 turns the limit off. A new limit starts a new window.</summary>
    private static async Task<IResult> SetRateLimit(HttpContext context, string organizationId, EmulatorState state, RateLimits limits, IStateStore store)
    {
        var organization = RequireOrganization(state, organizationId);
        var body = await JsonBody.ReadAsync(context.Request);
        var perMinute = body.Int("requests_per_minute", 0, 1_000_000) ?? throw ApiProblem.BadRequest("'requests_per_minute' is required.");
        var previous = organization.RequestsPerMinute;
        organization.RequestsPerMinute = perMinute;
        try
        {
            store.SaveOrganization(organization);
        }
        catch (Persistence.DataFileUnavailableException)
        {
            organization.RequestsPerMinute = previous;
            throw;
        }
        limits.Reset(organization.Id);
        return Results.Json(new { organization = organization.Id, requests_per_minute = perMinute }, ApiJson.Options);
    }

    /// <summary>
    /// Creates data in bulk without an HTTP call per item: <c>{"meetings": 250}</c>, optionally with
    /// <c>participants_per_meeting</c> participants (preset <c>preset_name</c>) in each new meeting,
    /// and in the existing meeting <c>meeting_id</c> when given.
    /// </summary>
    private static async Task<IResult> Seed(HttpContext context, string organizationId, EmulatorState state, IStateStore store, Events.EventDispatcher dispatcher)
    {
        const int MaxItems = 10_000_000;
        var organization = RequireOrganization(state, organizationId);
        var body = await JsonBody.ReadAsync(context.Request);
        var meetings = body.Int("meetings", 0, MaxItems) ?? 0;
        var titlePrefix = body.String("title_prefix") ?? "Seeded meeting";
        var perMeeting = body.Int("participants_per_meeting", 0, MaxItems) ?? 0;
        var presetName = body.String("preset_name", allowEmpty: false) ?? Seeder.DefaultPresetName;
        var meetingId = body.Uuid("meeting_id");
        if ((long)perMeeting * (meetings + (meetingId is null ? 0 : 1)) > MaxItems)
            throw ApiProblem.BadRequest($"At most {MaxItems} participants can be seeded at once.");
        return OrganizationWrites.Run(organization, store, dispatcher, () =>
        {
            var participants = 0;
            if (meetingId is { } existingId)
            {
                lock (organization.Gate)
                {
                    var meeting = organization.Meetings.Find(existingId) ?? throw ApiProblem.NotFound("Meeting");
                    Seeder.AddParticipants(organization, meeting, perMeeting, presetName, state.UtcNow);
                }
                participants += perMeeting;
            }
            var created = Seeder.AddMeetings(organization, state, meetings, titlePrefix, perMeeting, presetName);
            return Results.Json(new { meetings = created.Meetings, participants = participants + created.Participants }, ApiJson.Options);
        });
    }

    public static Organization RequireOrganization(EmulatorState state, string id) =>
        state.Find(id) ?? throw ApiProblem.NotFound("Organization");
}
