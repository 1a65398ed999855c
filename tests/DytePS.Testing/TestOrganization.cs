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

    private TestOrganization(DyteEmulator emulator, string id, string apiKey)
    {
        Emulator = emulator;
        Id = id;
        ApiKey = apiKey;
    }

    public DyteEmulator Emulator { get; }
    public string Id { get; }
    public string ApiKey { get; }
    public Uri ApiBaseUri => Emulator.ApiBaseUri;

    public static async Task<TestOrganization> CreateAsync(DyteEmulator emulator)
    {
        using var response = await Http.PostAsJsonAsync(new Uri(emulator.ControlUri, "organizations"), new { });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new TestOrganization(emulator, created.GetProperty("id").GetString()!, created.GetProperty("api_key").GetString()!);
    }

    /// <summary>Adds meetings titled "{prefix} 1".."{prefix} N" without an API call each.</summary>
    public async Task SeedMeetingsAsync(int count, string titlePrefix = "Seeded meeting")
    {
        using var response = await Http.PostAsJsonAsync(Control($"organizations/{Id}/seed"), new { meetings = count, title_prefix = titlePrefix });
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
    /// <summary>The path after the API prefix (/v2), with its query: what the client asked for.</summary>
    public string ApiPath => Path.StartsWith(DyteEmulator.ApiPrefix + "/", StringComparison.Ordinal) ? Path[DyteEmulator.ApiPrefix.Length..] : Path;

    public override string ToString() => $"{Method} {Path} -> {Status}";
}
