using System.Text.RegularExpressions;
using DytePS.Emulator.Tests.Support;
using DytePS.Testing;
using Xunit;

namespace DytePS.Emulator.Tests;

/// <summary>Every operation: authenticated, tagged with its operationId, and blind to other organizations.</summary>
public sealed partial class AuthAndIsolationTests : ApiTest
{
    [Theory]
    [MemberData(nameof(Operations.Data), MemberType = typeof(Operations))]
    public async Task Every_operation_needs_credentials(string operationId, string method, string path)
    {
        var url = Operations.Fill(path);

        var anonymous = await Org.CallAsync(new HttpMethod(method), url, "{}", authorization: null);
        var wrongKey = await Org.CallAsync(new HttpMethod(method), url, "{}",
            authorization: "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Org.OrganizationId}:not-the-key")));

        anonymous.ExpectError(401, "Unauthorized");
        Assert.Contains("Basic", anonymous.Headers.WwwAuthenticate.ToString());
        wrongKey.ExpectError(401, "Unauthorized");
        // The failed attempt is logged under the organization it claimed, with the operation it tried.
        var logged = Assert.Single((await Org.RequestLogAsync()).Json.EnumerateArray());
        Assert.Equal((401, operationId), (logged.GetProperty("status").GetInt32(), Str(logged, "operation")));
    }

    [Theory]
    [MemberData(nameof(Operations.Data), MemberType = typeof(Operations))]
    public async Task Every_operation_is_served_and_logged_under_its_operation_id(string operationId, string method, string path)
    {
        var reply = await Org.CallAsync(new HttpMethod(method), Operations.Fill(path), "{}");

        Assert.NotEqual(405, (int)reply.Status);
        Assert.False(reply.Status == System.Net.HttpStatusCode.NotFound && reply.ErrorMessage == "No such API path", reply.ToString());
        var logged = Assert.Single((await Org.RequestLogAsync()).Json.EnumerateArray());
        Assert.Equal(operationId, Str(logged, "operation"));
    }

    [GeneratedRegex(@"^\s+operationId:\s*(\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex OperationIdLine();

    [Fact]
    public void The_operation_table_matches_the_document()
    {
        Assert.Equal(27, Operations.All.Select(o => o.Id).Distinct().Count());
        Assert.Equal(27, Operations.All.Select(o => (o.Method, o.Path)).Distinct().Count());
        var spec = Path.Combine(RepoPaths.Root, "spec", "dyte-v2.openapi.yaml");
        var documented = OperationIdLine().Matches(File.ReadAllText(spec)).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.True(documented.SetEquals(Operations.All.Select(o => o.Id)), "operations differ from " + spec);
    }

    [Fact]
    public async Task Another_organizations_ids_are_unknown()
    {
        var meeting = await Org.CreateMeetingAsync();
        var participant = await Org.AddParticipantIdAsync(meeting);
        var session = Id((await Org.JoinAsync(meeting, participant)).Json);
        var recording = Id(await Org.StartRecordingAsync(meeting));
        (await Org.PostAsync($"meetings/{meeting}/livestreams")).Expect(201);
        var webhook = Id((await Org.PostAsync("webhooks", new { name = "w", url = "https://example.com/", events = new[] { "meeting.ended" } })).Expect(201).Data);
        var other = await ApiClient.NewOrganizationAsync();

        (await other.GetAsync($"meetings/{meeting}/participants")).ExpectError(404, "Meeting not found");
        (await other.GetAsync($"meetings/{meeting}/participants/{participant}")).ExpectError(404, "Meeting not found");
        (await other.PatchAsync($"meetings/{meeting}/participants/{participant}", new { name = "x" })).ExpectError(404, "Meeting not found");
        (await other.DeleteAsync($"meetings/{meeting}/participants/{participant}")).ExpectError(404, "Meeting not found");
        (await other.PostAsync($"meetings/{meeting}/participants/{participant}/token")).ExpectError(404, "Meeting not found");
        (await other.GetAsync($"sessions/{session}")).ExpectError(404, "Session not found");
        (await other.GetAsync($"sessions/{session}/participants")).ExpectError(404, "Session not found");
        (await other.GetAsync($"active-sessions/{meeting}")).ExpectError(404, "Meeting not found");
        (await other.GetAsync($"recordings/{recording}")).ExpectError(404, "Recording not found");
        (await other.PutAsync($"recordings/{recording}", new { action = "stop" })).ExpectError(404, "Recording not found");
        (await other.GetAsync($"recordings/active-recordings/{meeting}")).ExpectError(404, "Meeting not found");
        (await other.PostAsync("recordings", new { meeting_id = meeting })).ExpectError(404, "Meeting not found");
        (await other.GetAsync($"meetings/{meeting}/livestreams")).ExpectError(404, "Meeting not found");
        (await other.GetAsync($"meetings/{meeting}/active-livestream")).ExpectError(404, "Meeting not found");
        (await other.PostAsync($"meetings/{meeting}/active-livestream/stop")).ExpectError(404, "Meeting not found");
        (await other.PatchAsync($"webhooks/{webhook}", new { name = "n", url = "https://example.com/", events = new[] { "meeting.ended" } })).ExpectError(404, "Webhook not found");
        (await other.DeleteAsync($"webhooks/{webhook}")).ExpectError(404, "Webhook not found");
        (await other.JoinAsync(meeting, participant)).ExpectError(404, "Meeting not found");
        Assert.Equal(0, (await other.GetAsync("sessions")).Offsets.Total);
        Assert.Equal(0, (await other.GetAsync("recordings")).Offsets.Total);
        Assert.Equal(0, (await other.GetAsync("webhooks")).Data.GetArrayLength());
        // The owner still sees everything.
        Assert.Equal("LIVE", Str((await Org.GetAsync($"sessions/{session}")).Expect(200).Data, "status"));
        Assert.Equal(1, (await Org.GetAsync("webhooks")).Data.GetArrayLength());
    }
}
