using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DytePS.Emulator.Faults;
using DytePS.Emulator.Tests.Support;
using Xunit;

namespace DytePS.Emulator.Tests;

/// <summary>Fault injection as a plain HttpClient sees it; every fault is scoped to the test's own organization.</summary>
public sealed class FaultTests : ApiTest
{
    [Fact]
    public async Task A_status_fault_answers_the_error_envelope_for_count_requests_then_stops()
    {
        var fault = await AddFaultAsync(new { operation = "listMeetings", kind = "status", status = 503, count = 2 });

        var first = await SendAsync("meetings");
        var listed = (await Org.ControlAsync(HttpMethod.Get, $"faults?organization={Org.OrganizationId}")).Expect(200).Json;
        var second = await SendAsync("meetings");
        var third = await SendAsync("meetings");

        Assert.Equal((2, 2), (fault.GetProperty("count").GetInt32(), fault.GetProperty("remaining").GetInt32()));
        Assert.Equal(1, Assert.Single(listed.EnumerateArray()).GetProperty("remaining").GetInt32());
        Assert.Equal([503, 503, 200], new[] { first, second, third }.Select(r => (int)r.StatusCode));
        using var body = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        Assert.False(body.RootElement.GetProperty("success").GetBoolean());
        Assert.Equal(503, body.RootElement.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(0, (await Org.ControlAsync(HttpMethod.Get, $"faults?organization={Org.OrganizationId}")).Json.GetArrayLength());
        var log = (await Org.RequestLogAsync()).Json.EnumerateArray().ToList();
        Assert.Equal([(503, "status"), (503, "status"), (200, null)],
            log.Select(e => (e.GetProperty("status").GetInt32(), e.TryGetProperty("fault", out var f) ? f.GetString() : null)));
    }

    [Fact]
    public async Task A_new_fault_answers_201_with_its_id_and_remaining()
    {
        var unlimited = await AddFaultAsync(new { operation = "*", kind = "empty_body" });

        Assert.True(Guid.TryParse(Str(unlimited, "id"), out _));
        Assert.Equal(JsonValueKind.Null, unlimited.GetProperty("remaining").ValueKind);
        Assert.Equal((Org.OrganizationId, "*", "before", 1.0), (Str(unlimited, "organization"), Str(unlimited, "operation"), Str(unlimited, "when"), unlimited.GetProperty("probability").GetDouble()));
    }

    [Fact]
    public async Task Retry_after_is_sent_in_seconds()
    {
        await AddFaultAsync(new { operation = "getMeeting", kind = "status", status = 429, retry_after = "4" });

        var reply = await SendAsync($"meetings/{Guid.NewGuid()}");

        Assert.Equal(429, (int)reply.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(4), reply.Headers.RetryAfter?.Delta);
        Assert.Equal("4", reply.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task Retry_after_is_sent_as_an_http_date()
    {
        await AddFaultAsync(new { operation = "getMeeting", kind = "status", status = 429, retry_after = 30, retry_after_format = "http_date" });

        var reply = await SendAsync($"meetings/{Guid.NewGuid()}");

        var date = reply.Headers.RetryAfter?.Date;
        Assert.NotNull(date);
        Assert.InRange(date.Value, DateTimeOffset.UtcNow.AddSeconds(25), DateTimeOffset.UtcNow.AddSeconds(35));
        Assert.EndsWith("GMT", reply.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task An_html_fault_answers_a_proxy_error_page()
    {
        await AddFaultAsync(new { operation = "listMeetings", kind = "status", status = 502, html = true });

        var reply = await SendAsync("meetings");

        Assert.Equal(502, (int)reply.StatusCode);
        Assert.Equal("text/html", reply.Content.Headers.ContentType?.MediaType);
        var page = await reply.Content.ReadAsStringAsync();
        Assert.StartsWith("<html>", page);
        Assert.Contains("502 Bad Gateway", page);
    }

    [Fact]
    public async Task Latency_delays_then_serves_normally()
    {
        await AddFaultAsync(new { operation = "listMeetings", kind = "latency", latency_ms = 300 });
        var clock = Stopwatch.StartNew();

        var reply = await SendAsync("meetings");

        Assert.True(clock.ElapsedMilliseconds >= 290, $"answered after {clock.ElapsedMilliseconds} ms");
        Assert.Equal(200, (int)reply.StatusCode);
        Assert.True(JsonDocument.Parse(await reply.Content.ReadAsStringAsync()).RootElement.GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task A_hang_holds_the_request_until_the_client_gives_up()
    {
        await AddFaultAsync(new { operation = "listMeetings", kind = "hang", count = 1 });
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => SendAsync("meetings", timeout: TimeSpan.FromMilliseconds(400)));

        Assert.True(clock.ElapsedMilliseconds >= 390);
        var logged = await Eventually.UntilAsync(async () => (await Org.RequestLogAsync()).Json, l => l.GetArrayLength() == 1, "the hung request logged");
        Assert.Equal((0, "hang"), (logged[0].GetProperty("status").GetInt32(), Str(logged[0], "fault")));
        Assert.Equal(200, (int)(await SendAsync("meetings")).StatusCode);
    }

    [Fact]
    public async Task A_drop_closes_the_connection()
    {
        await AddFaultAsync(new { operation = "listMeetings", kind = "drop", count = 1 });

        await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync("meetings"));

        var logged = await Eventually.UntilAsync(async () => (await Org.RequestLogAsync()).Json, l => l.GetArrayLength() == 1, "the dropped request logged");
        Assert.Equal((0, "drop"), (logged[0].GetProperty("status").GetInt32(), Str(logged[0], "fault")));
    }

    [Fact]
    public async Task Malformed_json_is_a_200_with_cut_off_json()
    {
        await AddFaultAsync(new { operation = "listMeetings", kind = "malformed_json" });

        var reply = await SendAsync("meetings");

        Assert.Equal(200, (int)reply.StatusCode);
        Assert.Equal("application/json", reply.Content.Headers.ContentType?.MediaType);
        var text = await reply.Content.ReadAsStringAsync();
        Assert.StartsWith("{", text);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task Empty_body_is_a_200_with_nothing_in_it()
    {
        await AddFaultAsync(new { operation = "listMeetings", kind = "empty_body" });

        var reply = await SendAsync("meetings");

        Assert.Equal(200, (int)reply.StatusCode);
        Assert.Empty(await reply.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(1.0, 10)]
    public async Task Probability_zero_never_applies_and_one_always_does(double probability, int expectedFaults)
    {
        await AddFaultAsync(new { operation = "listMeetings", kind = "status", status = 500, probability });

        var statuses = new List<int>();
        for (var i = 0; i < 10; i++) statuses.Add((int)(await SendAsync("meetings")).StatusCode);

        Assert.Equal(expectedFaults, statuses.Count(s => s == 500));
        Assert.Equal(10 - expectedFaults, statuses.Count(s => s == 200));
    }

    [Fact]
    public async Task A_fault_after_the_handler_keeps_the_change_but_loses_the_answer()
    {
        await AddFaultAsync(new { operation = "createMeeting", kind = "drop", when = "after", count = 1 });

        await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync("meetings", HttpMethod.Post, new { title = "Lost answer" }));

        var meetings = (await Org.GetAsync("meetings")).Expect(200).Data;
        Assert.Equal("Lost answer", Str(Assert.Single(meetings.EnumerateArray()), "title"));
    }

    [Fact]
    public async Task A_fault_before_the_handler_changes_nothing()
    {
        await AddFaultAsync(new { operation = "createMeeting", kind = "status", status = 500, count = 1 });

        var reply = await SendAsync("meetings", HttpMethod.Post, new { title = "Never made" });

        Assert.Equal(500, (int)reply.StatusCode);
        Assert.Equal(0, (await Org.GetAsync("meetings")).Offsets.Total);
    }

    [Fact]
    public async Task A_fault_matches_its_operation_only()
    {
        await AddFaultAsync(new { operation = "getMeeting", kind = "status", status = 503 });

        Assert.Equal(200, (int)(await SendAsync("meetings")).StatusCode);
        Assert.Equal(503, (int)(await SendAsync($"meetings/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task One_organizations_faults_never_touch_another()
    {
        await AddFaultAsync(new { operation = "*", kind = "status", status = 503 });
        var other = await ApiClient.NewOrganizationAsync();

        Assert.Equal(503, (int)(await SendAsync("meetings")).StatusCode);
        (await other.GetAsync("meetings")).Expect(200);
        (await other.PostAsync("meetings", new { title = "fine" })).Expect(201);
    }

    [Fact]
    public async Task Faults_are_removed_one_by_one_or_per_organization()
    {
        var first = await AddFaultAsync(new { operation = "listMeetings", kind = "status", status = 503 });
        await AddFaultAsync(new { operation = "getMeeting", kind = "status", status = 503 });
        var other = await ApiClient.NewOrganizationAsync();
        (await other.ControlAsync(HttpMethod.Post, "faults", new { organization = other.OrganizationId, operation = "*", kind = "drop" })).Expect(201);

        (await Org.ControlAsync(HttpMethod.Delete, $"faults/{Str(first, "id")}")).Expect(204);
        (await Org.ControlAsync(HttpMethod.Delete, $"faults/{Str(first, "id")}")).ExpectError(404, "Fault not found");
        Assert.Equal(1, (await Org.ControlAsync(HttpMethod.Get, $"faults?organization={Org.OrganizationId}")).Json.GetArrayLength());
        (await Org.ControlAsync(HttpMethod.Delete, $"faults?organization={Org.OrganizationId}")).Expect(204);

        Assert.Equal(0, (await Org.ControlAsync(HttpMethod.Get, $"faults?organization={Org.OrganizationId}")).Json.GetArrayLength());
        Assert.Equal(1, (await Org.ControlAsync(HttpMethod.Get, $"faults?organization={other.OrganizationId}")).Json.GetArrayLength());
        (await Org.GetAsync("meetings")).Expect(200);
        (await Org.ControlAsync(HttpMethod.Delete, $"faults?organization={other.OrganizationId}")).Expect(204);
    }

    [Theory]
    [InlineData("""{"kind":"explode"}""", 400, "'kind' must be one of")]
    [InlineData("""{"operation":"deleteMeeting","kind":"drop"}""", 400, "'operation' must be '*' or an operationId")]
    [InlineData("""{"kind":"status"}""", 400, "'status' (400 to 599) is required")]
    [InlineData("""{"kind":"status","status":200}""", 400, "'status' (400 to 599) is required")]
    [InlineData("""{"kind":"latency"}""", 400, "'latency_ms' (0 to 600000) is required")]
    [InlineData("""{"kind":"drop","status":500}""", 400, "apply to kind status only")]
    [InlineData("""{"kind":"drop","when":"during"}""", 400, "'when' must be one of")]
    [InlineData("""{"kind":"drop","count":0}""", 400, "'count' must be at least 1")]
    [InlineData("""{"kind":"drop","probability":1.5}""", 400, "'probability' must be between 0 and 1")]
    [InlineData("""{"kind":"status","status":429,"retry_after":"soon"}""", 400, "'retry_after' must be an integer")]
    [InlineData("""{"kind":"status","status":429,"retry_after_format":"rfc"}""", 400, "'retry_after_format' must be one of")]
    [InlineData("""{"organization":"00000000-0000-0000-0000-000000000001","kind":"drop"}""", 404, "Organization not found")]
    public async Task A_bad_fault_is_refused(string body, int status, string message)
    {
        (await Org.ControlAsync(HttpMethod.Post, "faults", body)).ExpectError(status, message);
    }

    private async Task<JsonElement> AddFaultAsync(object fault)
    {
        var json = JsonSerializer.SerializeToNode(fault)!.AsObject();
        json["organization"] = Org.OrganizationId;
        return (await Org.ControlAsync(HttpMethod.Post, "faults", json.ToJsonString())).Expect(201).Json;
    }

    /// <summary>A plain HttpClient of its own (no pooled connection to retry on), authenticated as the test's organization.</summary>
    private async Task<HttpResponseMessage> SendAsync(string path, HttpMethod? method = null, object? body = null, TimeSpan? timeout = null)
    {
        using var http = new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, Org.ApiUri(path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Org.OrganizationId}:{Org.ApiKey}")));
        if (body != null) request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}

/// <summary>Faults for every organization and from the command line, on an emulator of their own so no other test sees them.</summary>
public sealed class GlobalFaultTests
{
    [Fact]
    public async Task A_fault_without_an_organization_applies_to_all_but_never_to_the_control_path()
    {
        await using var emulator = await DyteEmulator.StartAsync(new EmulatorOptions { Port = 0 });
        var first = await ApiClient.NewOrganizationAsync(emulator: emulator);
        var second = await ApiClient.NewOrganizationAsync(emulator: emulator);

        (await first.ControlAsync(HttpMethod.Post, "faults", new { operation = "listMeetings", kind = "status", status = 503 })).Expect(201);

        (await first.GetAsync("meetings")).ExpectError(503, "Service Unavailable");
        (await second.GetAsync("meetings")).ExpectError(503, "Service Unavailable");
        (await second.ControlAsync(HttpMethod.Get, "organizations")).Expect(200);
        Assert.Equal(1, (await first.ControlAsync(HttpMethod.Get, "faults")).Json.GetArrayLength());
        // Clearing one organization's faults leaves the ones for all organizations.
        (await first.ControlAsync(HttpMethod.Delete, $"faults?organization={first.OrganizationId}")).Expect(204);
        (await first.GetAsync("meetings")).Expect(503);
        (await first.ControlAsync(HttpMethod.Delete, "faults")).Expect(204);
        (await first.GetAsync("meetings")).Expect(200);
    }

    [Fact]
    public async Task Faults_from_the_command_line_are_active_from_the_start()
    {
        var options = CommandLine.Parse(["--port", "0", "--fault", "listMeetings:status=503,count=2", "--fault", "getMeeting:status=429,retry-after=4"])!;
        await using var emulator = await DyteEmulator.StartAsync(options);
        var demo = EmulatorOptions.DemoOrganization;
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{demo.Id}:{demo.ApiKey}")));
        var api = emulator.ApiBaseUri.ToString().TrimEnd('/');

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++) statuses.Add((int)(await http.GetAsync($"{api}/meetings")).StatusCode);
        var limited = await http.GetAsync($"{api}/meetings/{Guid.NewGuid()}");

        Assert.Equal([503, 503, 200], statuses);
        Assert.Equal((HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(4)), (limited.StatusCode, limited.Headers.RetryAfter?.Delta));
    }

    [Fact]
    public async Task A_command_line_fault_naming_an_unknown_operation_stops_the_start()
    {
        var options = CommandLine.Parse(["--port", "0", "--fault", "listMeeting:drop"])!;

        var error = await Assert.ThrowsAsync<FormatException>(() => DyteEmulator.StartAsync(options));

        Assert.Contains("listMeeting", error.Message);
    }
}

public sealed class FaultSpecTests
{
    [Fact]
    public void The_compact_syntax_reads_every_option()
    {
        var status = FaultSpec.Parse("listMeetings:status=503,count=2");
        var latency = FaultSpec.Parse("*:latency=250");
        var drop = FaultSpec.Parse("createMeeting:drop,when=after,probability=0.1");
        var limited = FaultSpec.Parse("getMeeting:status=429,retry-after=4,retry-after-format=http-date,html,org=4c5f2b7e-8d1a-4e3b-9f6c-0a1b2c3d4e5f");
        var bodies = (FaultSpec.Parse("*:malformed-json"), FaultSpec.Parse("*:empty_body"), FaultSpec.Parse("*:hang"));

        Assert.Equal(("listMeetings", "status", 503, 2), (status.Operation, status.Kind, status.StatusCode, status.Count));
        Assert.Equal(("*", "latency", 250, (int?)null), (latency.Operation, latency.Kind, latency.LatencyMs, latency.Count));
        Assert.Equal(("drop", "after", 0.1), (drop.Kind, drop.When, drop.Probability));
        Assert.Equal((429, 4, "http_date", true, "4c5f2b7e-8d1a-4e3b-9f6c-0a1b2c3d4e5f"),
            (limited.StatusCode, limited.RetryAfterSeconds, limited.RetryAfterFormat, limited.Html, limited.Organization));
        Assert.Equal(("malformed_json", "empty_body", "hang"), (bodies.Item1.Kind, bodies.Item2.Kind, bodies.Item3.Kind));
        Assert.Contains("--fault <spec>", CommandLine.Help);
    }

    [Theory]
    [InlineData("listMeetings")]
    [InlineData("listMeetings:")]
    [InlineData("listMeetings:explode")]
    [InlineData("listMeetings:status")]
    [InlineData("listMeetings:status=abc")]
    [InlineData("listMeetings:status=200")]
    [InlineData("listMeetings:drop=1")]
    [InlineData("listMeetings:drop,count=0")]
    [InlineData("listMeetings:drop,probability=2")]
    [InlineData("listMeetings:drop,when=later")]
    [InlineData("listMeetings:drop,colour=red")]
    [InlineData("listMeetings:latency=-5")]
    public void A_bad_spec_is_refused_naming_it(string spec)
    {
        var error = Assert.Throws<FormatException>(() => CommandLine.Parse(["--fault", spec]));

        Assert.Contains(spec, error.Message);
    }
}
