using DytePS.Emulator.Tests.Support;
using Xunit;

namespace DytePS.Emulator.Tests;

/// <summary>The per-organization requests-per-minute budget and its 429s.</summary>
public sealed class RateLimitTests : ApiTest
{
    [Fact]
    public async Task Over_the_budget_the_api_answers_429_with_retry_after_and_other_organizations_are_untouched()
    {
        (await SetLimitAsync(Org, 5)).Expect(200);
        var other = await ApiClient.NewOrganizationAsync();
        (await SetLimitAsync(other, 5)).Expect(200);

        for (var i = 0; i < 5; i++) (await Org.GetAsync("meetings")).Expect(200);
        var limited = await Org.PostAsync("meetings", new { title = "one too many" });

        limited.ExpectError(429, "Too many requests");
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal(0, (await other.GetAsync("meetings")).Expect(200).Offsets.Total);
        (await Org.GetAsync("meetings")).Expect(429);
        var log = (await Org.RequestLogAsync()).Json;
        Assert.Equal(429, log[log.GetArrayLength() - 1].GetProperty("status").GetInt32());
        // Refused requests changed nothing.
        Assert.Equal(0, Org.Emulator.State.Find(Org.OrganizationId)!.Meetings.Count);
    }

    [Fact]
    public async Task Zero_turns_the_limit_off_and_a_new_limit_starts_a_new_window()
    {
        (await SetLimitAsync(Org, 2)).Expect(200);
        for (var i = 0; i < 2; i++) (await Org.GetAsync("meetings")).Expect(200);
        (await Org.GetAsync("meetings")).Expect(429);

        (await SetLimitAsync(Org, 0)).Expect(200);
        for (var i = 0; i < 5; i++) (await Org.GetAsync("meetings")).Expect(200);
        (await SetLimitAsync(Org, 1)).Expect(200);
        (await Org.GetAsync("meetings")).Expect(200);
        (await Org.GetAsync("meetings")).Expect(429);
    }

    [Fact]
    public async Task Reset_frees_the_window_and_clears_the_faults()
    {
        (await SetLimitAsync(Org, 1)).Expect(200);
        (await Org.GetAsync("meetings")).Expect(200);
        (await Org.GetAsync("meetings")).Expect(429);
        (await Org.ControlAsync(HttpMethod.Post, "faults", new { organization = Org.OrganizationId, operation = "getMeeting", kind = "status", status = 500 })).Expect(201);

        (await Org.ControlAsync(HttpMethod.Post, $"organizations/{Org.OrganizationId}/reset")).Expect(204);

        (await Org.GetAsync("meetings")).Expect(200);
        Assert.Equal(0, (await Org.ControlAsync(HttpMethod.Get, $"faults?organization={Org.OrganizationId}")).Json.GetArrayLength());
    }

    [Theory]
    [InlineData("{}", 400, "'requests_per_minute' is required")]
    [InlineData("""{"requests_per_minute":-1}""", 400, "'requests_per_minute' must be between 0 and")]
    [InlineData("""{"requests_per_minute":"many"}""", 400, "'requests_per_minute' must be an integer")]
    public async Task A_bad_limit_is_refused(string body, int status, string message)
    {
        (await Org.ControlAsync(HttpMethod.Put, $"organizations/{Org.OrganizationId}/rate-limit", body)).ExpectError(status, message);
    }

    [Fact]
    public async Task An_unknown_organization_has_no_limit_to_set()
    {
        (await Org.ControlAsync(HttpMethod.Put, $"organizations/{Guid.NewGuid()}/rate-limit", new { requests_per_minute = 1 })).ExpectError(404, "Organization not found");
    }

    [Fact]
    public void The_command_line_defaults_to_the_services_budget_and_in_process_use_to_none()
    {
        Assert.Equal(2000, CommandLine.Parse([])!.RequestsPerMinute);
        Assert.Equal(0, CommandLine.Parse(["--rate-limit", "0"])!.RequestsPerMinute);
        Assert.Equal(0, new EmulatorOptions().RequestsPerMinute);
        Assert.Contains("--rate-limit <n>", CommandLine.Help);
        Assert.Throws<FormatException>(() => CommandLine.Parse(["--rate-limit", "-1"]));
    }

    private static Task<Reply> SetLimitAsync(ApiClient org, int perMinute) =>
        org.ControlAsync(HttpMethod.Put, $"organizations/{org.OrganizationId}/rate-limit", new { requests_per_minute = perMinute });
}
