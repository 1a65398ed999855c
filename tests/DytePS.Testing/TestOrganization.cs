using System.Net.Http.Json;
using System.Text.Json;
using DytePS.Emulator;

namespace DytePS.Testing;

/// <summary>A fresh organization in the emulator, with helpers that use the emulator's control API over HTTP.</summary>
public sealed class TestOrganization
{
    private static readonly HttpClient Http = new();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private TestOrganization(DyteEmulator emulator, string id, string apiKey, string? accountId)
    {
        Emulator = emulator;
        Id = id;
        ApiKey = apiKey;
        AccountId = accountId ?? string.Empty;
    }

    public DyteEmulator Emulator { get; }
    public string Id { get; }
    public string ApiKey { get; }
    public Uri ApiBaseUri => Emulator.ApiBaseUri;

    /// <summary>The Cloudflare account the organization belongs to as a RealtimeKit app (whose app id is <see cref="Id"/>).</summary>
    public string AccountId { get; }

    /// <summary>The emulator's Cloudflare API root, the -BaseUri of a RealtimeKit connection.</summary>
    public Uri RealtimeKitRoot => new(Emulator.Root, "client/v4");

    /// <param name="lifecycleDelayMs">How long timed transitions (INVOKED to RECORDING, ...) take; 0 makes the next request see them.</param>
    /// <param name="flavor">"dyte", or "realtimekit" for webhook deliveries with rtk- headers.</param>
    public static async Task<TestOrganization> CreateAsync(DyteEmulator emulator, int lifecycleDelayMs = 0, string flavor = "dyte")
    {
        using var response = await Http.PostAsJsonAsync(new Uri(emulator.ControlUri, "organizations"),
            new { lifecycle_delay_ms = lifecycleDelayMs, flavor, webhook_retry_delay_ms = 20 });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new TestOrganization(emulator, created.GetProperty("id").GetString()!, created.GetProperty("api_key").GetString()!,
            created.TryGetProperty("account_id", out var account) ? account.GetString() : null);
    }

    /// <summary>Adds meetings titled "{prefix} 1".."{prefix} N" without an API call each.</summary>
    public async Task SeedMeetingsAsync(int count, string titlePrefix = "Seeded meeting")
    {
        using var response = await Http.PostAsJsonAsync(Control($"organizations/{Id}/seed"), new { meetings = count, title_prefix = titlePrefix });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Adds participants to a meeting without an API call each.</summary>
    public async Task SeedMeetingsWithParticipantsAsync(int meetings, int participantsPerMeeting, string presetName = "group_call_participant")
    {
        using var response = await Http.PostAsJsonAsync(Control($"organizations/{Id}/seed"),
            new { meetings, participants_per_meeting = participantsPerMeeting, preset_name = presetName });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A participant joins the meeting's live session (starting one if needed), as the SDK would.</summary>
    public Task<JsonElement> JoinAsync(Guid meetingId, Guid participantId) => PresenceAsync(meetingId, participantId, "join");

    /// <summary>A participant leaves; the last one out ends the session.</summary>
    public Task<JsonElement> LeaveAsync(Guid meetingId, Guid participantId) => PresenceAsync(meetingId, participantId, "leave");

    private async Task<JsonElement> PresenceAsync(Guid meetingId, Guid participantId, string action)
    {
        using var response = await Http.PostAsync(Control($"organizations/{Id}/meetings/{meetingId}/participants/{participantId}/{action}"), null);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{action} failed with {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Injects a fault for this organization (see docs/emulator.md); returns its id.</summary>
    public async Task<string> AddFaultAsync(object fault)
    {
        var body = JsonSerializer.SerializeToElement(fault, Json);
        var withOrganization = new Dictionary<string, object?> { ["organization"] = Id };
        foreach (var property in body.EnumerateObject()) withOrganization[property.Name] = property.Value;
        using var response = await Http.PostAsJsonAsync(Control("faults"), withOrganization);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Adding the fault failed with {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").ToString();
    }

    /// <summary>Faults of this organization not yet used up.</summary>
    public async Task<IReadOnlyList<JsonElement>> ActiveFaultsAsync()
    {
        var faults = await Http.GetFromJsonAsync<List<JsonElement>>(Control($"faults?organization={Id}"));
        return faults!;
    }

    public async Task ClearFaultsAsync()
    {
        using var response = await Http.DeleteAsync(Control($"faults?organization={Id}"));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>API requests this organization made, oldest first.</summary>
    public async Task<IReadOnlyList<LoggedRequest>> RequestsAsync()
    {
        var entries = await Http.GetFromJsonAsync<List<LoggedRequest>>(Control($"requests?organization={Id}"), Json);
        return entries!;
    }

    public async Task ClearRequestsAsync()
    {
        using var response = await Http.DeleteAsync(Control($"requests?organization={Id}"));
        response.EnsureSuccessStatusCode();
    }

    private Uri Control(string relative) => new(Emulator.ControlUri, relative);
}

public sealed record LoggedRequest(
    long Sequence, DateTime Time, string Method, string Path, string? Operation, int Status, double DurationMs, string? OrganizationId)
{
    /// <summary>The path after the API prefix (/v2, or RealtimeKit's /client/v4/accounts/{a}/realtime/kit/{app}), with its query.</summary>
    public string ApiPath => System.Text.RegularExpressions.Regex.Replace(Path, @"^(/v2|/client/v4/accounts/[^/]+/realtime/kit/[^/]+)(?=/)", "");

    public override string ToString() => $"{Method} {Path} -> {Status}";
}
