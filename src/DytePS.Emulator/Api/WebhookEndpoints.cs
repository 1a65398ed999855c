using DytePS.Emulator.Events;
using DytePS.Emulator.Infrastructure;
using DytePS.Emulator.State;

namespace DytePS.Emulator.Api;

/// <summary>listWebhooks, createWebhook, updateWebhook, deleteWebhook.</summary>
public static class WebhookEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/webhooks", List).Operation("listWebhooks");
        api.MapPost("/webhooks", Create).Operation("createWebhook");
        api.MapPatch("/webhooks/{webhookId}", Update).Operation("updateWebhook");
        api.MapDelete("/webhooks/{webhookId}", Delete).Operation("deleteWebhook");
    }

    /// <summary>No paging block: the document's WebhookListResponse has none.</summary>
    private static IResult List(HttpContext context)
    {
        var organization = ApiCaller.OrganizationOf(context);
        using (organization.ReadLock()) return ApiResults.Data(organization.Webhooks.All.Select(w => w.View()).ToList());
    }

    private static async Task<IResult> Create(HttpContext context, EmulatorState state)
    {
        var organization = ApiCaller.OrganizationOf(context);
        var fields = await ReadAsync(context.Request);
        var now = state.UtcNow;
        var webhook = new WebhookRecord { Name = fields.Name, Url = fields.Url, Events = fields.Events, CreatedAt = now, UpdatedAt = now };
        lock (organization.Gate)
        {
            organization.Webhooks.Add(webhook);
            return ApiResults.Created(webhook.View());
        }
    }

    /// <summary>The document gives PATCH the create body (CreateWebhookRequest), required fields included.</summary>
    private static async Task<IResult> Update(HttpContext context, string webhookId, EmulatorState state)
    {
        var organization = ApiCaller.OrganizationOf(context);
        var id = RouteIds.Parse(webhookId, nameof(webhookId));
        var fields = await ReadAsync(context.Request);
        lock (organization.Gate)
        {
            var webhook = organization.Webhooks.Find(id) ?? throw ApiProblem.NotFound("Webhook");
            webhook.Name = fields.Name;
            webhook.Url = fields.Url;
            webhook.Events = fields.Events;
            webhook.UpdatedAt = state.UtcNow;
            organization.Webhooks.Changed(webhook);
            return ApiResults.Data(webhook.View());
        }
    }

    private static IResult Delete(HttpContext context, string webhookId, Webhooks.WebhookDeliverer deliverer)
    {
        var organization = ApiCaller.OrganizationOf(context);
        var id = RouteIds.Parse(webhookId, nameof(webhookId));
        lock (organization.Gate)
        {
            if (!organization.Webhooks.Remove(id)) throw ApiProblem.NotFound("Webhook");
        }
        // Nothing more goes to a deleted webhook: its queued deliveries and retries are dropped.
        deliverer.Forget(organization.Id, id);
        return ApiResults.Message("Webhook deleted");
    }

    private static async Task<(string Name, string Url, IReadOnlyList<string> Events)> ReadAsync(HttpRequest request)
    {
        var body = await JsonBody.ReadAsync(request);
        var name = body.String("name", required: true, allowEmpty: false)!;
        var url = body.Url("url", required: true)!;
        var events = body.StringArray("events", required: true)!;
        if (events.Count == 0) throw ApiProblem.BadRequest("'events' must name at least one event.");
        foreach (var eventName in events)
        {
            if (!EventNames.All.Contains(eventName))
                throw ApiProblem.BadRequest($"'events' must contain only {string.Join(", ", EventNames.All)}; got '{eventName}'.");
        }
        return (name, url, events.Distinct().ToList());
    }
}
