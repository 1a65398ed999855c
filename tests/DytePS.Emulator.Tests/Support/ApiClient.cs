using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DytePS.Testing;

namespace DytePS.Emulator.Tests.Support;

/// <summary>
/// A fresh organization of an emulator and an HTTP client for its API and the control API.
/// Every test makes its own, so tests share nothing and run in parallel.
/// </summary>
public sealed class ApiClient
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private ApiClient(DyteEmulator emulator, string organizationId, string apiKey, string accountId = "")
    {
        Emulator = emulator;
        OrganizationId = organizationId;
        ApiKey = apiKey;
        AccountId = accountId;
    }

    public DyteEmulator Emulator { get; }
    public string OrganizationId { get; }
    public string ApiKey { get; }

    /// <summary>The organization's RealtimeKit account id.</summary>
    public string AccountId { get; }

    /// <summary>
    /// A new organization on <paramref name="emulator"/> (default: the shared one) with its own
    /// lifecycle delay (null: the emulator's default).
    /// </summary>
    public static async Task<ApiClient> NewOrganizationAsync(int? lifecycleDelayMs = 0, DyteEmulator? emulator = null)
    {
        emulator ??= await SharedEmulator.GetAsync();
        var body = lifecycleDelayMs is null ? "{}" : Json(new { lifecycle_delay_ms = lifecycleDelayMs });
        var created = await SendAsync(HttpMethod.Post, new Uri(emulator.ControlUri, "organizations"), body, null);
        created.Expect(201);
        return FromCreated(emulator, created);
    }

    /// <summary>A new organization made with this creation body (flavor, account_id, webhook_retry_delay_ms, ...).</summary>
    public static async Task<ApiClient> NewOrganizationAsync(object body, DyteEmulator? emulator = null)
    {
        emulator ??= await SharedEmulator.GetAsync();
        var created = (await SendAsync(HttpMethod.Post, new Uri(emulator.ControlUri, "organizations"), Json(body), null)).Expect(201);
        return FromCreated(emulator, created);
    }

    private static ApiClient FromCreated(DyteEmulator emulator, Reply created) => new(emulator,
        created.Json.GetProperty("id").GetString()!, created.Json.GetProperty("api_key").GetString()!, created.Json.GetProperty("account_id").GetString()!);

    /// <summary>The same organization on another emulator (one reopened on the same data file).</summary>
    public static ApiClient Existing(DyteEmulator emulator, ApiClient organization) =>
        new(emulator, organization.OrganizationId, organization.ApiKey, organization.AccountId);

    public static string Json(object value) => JsonSerializer.Serialize(value);

    // The API, authenticated as this organization.
    public Task<Reply> GetAsync(string path) => CallAsync(HttpMethod.Get, path);
    public Task<Reply> PostAsync(string path, object? body = null) => CallAsync(HttpMethod.Post, path, body);
    public Task<Reply> PutAsync(string path, object? body) => CallAsync(HttpMethod.Put, path, body);
    public Task<Reply> PatchAsync(string path, object? body) => CallAsync(HttpMethod.Patch, path, body);
    public Task<Reply> DeleteAsync(string path) => CallAsync(HttpMethod.Delete, path);

    /// <summary>A body given as a string is sent as is (for malformed JSON); anything else is serialized.</summary>
    public Task<Reply> CallAsync(HttpMethod method, string path, object? body = null, string? authorization = "")
    {
        var content = body switch { null => null, string raw => raw, _ => Json(body) };
        authorization = authorization == ""
            ? "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{OrganizationId}:{ApiKey}"))
            : authorization;
        return SendAsync(method, ApiUri(path), content, authorization);
    }

    /// <summary>
    /// The same API under the RealtimeKit prefix of <paramref name="accountId"/> and <paramref name="appId"/>
    /// (default: this organization's), with <c>Authorization: Bearer token</c> (default: this organization's key).
    /// </summary>
    public Task<Reply> RealtimeKitAsync(
        HttpMethod method, string path, object? body = null, string? token = "", string? accountId = null, string? appId = null, string? authorization = null)
    {
        var content = body switch { null => null, string raw => raw, _ => Json(body) };
        authorization ??= token == "" ? "Bearer " + ApiKey : token is null ? null : "Bearer " + token;
        var uri = new Uri(Emulator.RealtimeKitBaseUri(accountId ?? AccountId, appId ?? OrganizationId) + "/" + path.TrimStart('/'));
        return SendAsync(method, uri, content, authorization);
    }

    public Uri ApiUri(string path) => new(Emulator.ApiBaseUri.ToString().TrimEnd('/') + "/" + path.TrimStart('/'));

    // The control API (unauthenticated).
    public Task<Reply> ControlAsync(HttpMethod method, string relative, object? body = null) =>
        SendAsync(method, new Uri(Emulator.ControlUri, relative), body switch { null => null, string raw => raw, _ => Json(body) }, null);

    public Task<Reply> JoinAsync(string meetingId, string participantId) =>
        ControlAsync(HttpMethod.Post, $"organizations/{OrganizationId}/meetings/{meetingId}/participants/{participantId}/join");

    public Task<Reply> LeaveAsync(string meetingId, string participantId) =>
        ControlAsync(HttpMethod.Post, $"organizations/{OrganizationId}/meetings/{meetingId}/participants/{participantId}/leave");

    public Task<Reply> SeedAsync(object body) => ControlAsync(HttpMethod.Post, $"organizations/{OrganizationId}/seed", body);

    public Task<Reply> RequestLogAsync() => ControlAsync(HttpMethod.Get, $"requests?organization={OrganizationId}");

    /// <summary>An unauthenticated GET (or HEAD) of an absolute URL such as a download_url, with the body as bytes.</summary>
    public static async Task<(Reply Reply, byte[] Bytes)> DownloadAsync(string url, RangeHeaderValue? range = null, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        request.Headers.Range = range;
        using var response = await Http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = response.Content.Headers.ContentType?.MediaType == "application/json" ? Encoding.UTF8.GetString(bytes) : "";
        return (new Reply(response.StatusCode, text, response.Headers, response.Content.Headers), bytes);
    }

    // Shortcuts for the data most tests need.
    public async Task<string> CreateMeetingAsync(string title = "Test meeting") =>
        (await PostAsync("meetings", new { title })).Expect(201).Data.GetProperty("id").GetString()!;

    public async Task<JsonElement> AddParticipantAsync(string meetingId, string name = "Jane", string presetName = "group_call_host") =>
        (await PostAsync($"meetings/{meetingId}/participants", new { name, preset_name = presetName })).Expect(201).Data;

    public async Task<string> AddParticipantIdAsync(string meetingId, string name = "Jane") =>
        (await AddParticipantAsync(meetingId, name)).GetProperty("id").GetString()!;

    public async Task<JsonElement> StartRecordingAsync(string meetingId, object? body = null) =>
        (await PostAsync("recordings", body ?? new { meeting_id = meetingId })).Expect(201).Data;

    private static async Task<Reply> SendAsync(HttpMethod method, Uri uri, string? json, string? authorization)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (json != null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (authorization != null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, text, response.Headers, response.Content.Headers);
    }
}
