using DytePS.Testing;
using System.Text.Json.Nodes;
using DytePS.Emulator.Tests.Support;
using Xunit;

namespace DytePS.Emulator.Tests.Conformance;

/// <summary>
/// Real answers of every operation of dyte-v2.openapi.yaml, validated against the document: the
/// success case and every error status the document declares, each with its declared status and
/// schema; undeclared errors (401 and 404 where the document is silent) with the error envelope.
/// </summary>
public sealed class ResponseConformanceTests
{
    [Fact]
    public void The_document_has_the_27_operations()
    {
        Assert.Equal(27, OpenApiContract.Operations.Select(o => o.Id).Distinct().Count());
        Assert.Equal(
            Support.Operations.All.Select(o => o.Id).Order(),
            OpenApiContract.Operations.Select(o => o.Id).Order());
    }

    /// <summary>Every operation under both prefixes: /v2 with Basic and RealtimeKit's with Bearer.</summary>
    public static IEnumerable<object[]> OperationsAndPrefixes =>
        OpenApiContract.Operations.SelectMany(o => new[] { new object[] { o.Id, "v2" }, new object[] { o.Id, "realtimekit" } });

    [Theory]
    [MemberData(nameof(OperationsAndPrefixes))]
    public async Task Every_declared_answer_conforms(string operationId, string prefix)
    {
        var operation = OpenApiContract.Operation(operationId);
        var world = await ConformanceWorld.CreateAsync(realtimeKit: prefix == "realtimekit");
        var path = operation.Fill(p => world.PathValue(operation, p));
        var observed = new HashSet<int>();

        void Check(Reply reply, int status)
        {
            ConformanceWorld.Check(operation, reply, status);
            observed.Add(status);
        }

        Check(await world.CallAsync(operation, path, world.ValidBody(operation)), operation.SuccessStatus);
        Check(await world.CallAsync(operation, path, world.ValidBody(operation), authenticated: false), 401);
        if (operation.PathParameters.Count > 0)
            Check(await world.CallAsync(operation, operation.Fill(_ => Guid.NewGuid().ToString()), world.ValidBody(operation)), 404);
        if (operation.RequestSchema?.Properties.ContainsKey("meeting_id") == true)
        {
            var body = (JsonObject)world.ValidBody(operation)!;
            body["meeting_id"] = Guid.NewGuid().ToString();
            Check(await world.CallAsync(operation, path, body), 404);
        }
        if (operation.RequestSchema is { } schema)
        {
            var violation = RequestBodies.Violations(schema, (JsonObject)world.ValidBody(operation)!).First();
            Check(await world.CallAsync(operation, path, violation.Body), 400);
        }
        else if (operation.PathParameters.Count > 0)
        {
            Check(await world.CallAsync(operation, operation.Fill(_ => "not-a-uuid"), null), 400);
        }

        var missing = operation.Responses.Keys.Except(observed).ToList();
        Assert.True(missing.Count == 0, $"{operationId}: declared statuses never exercised: {string.Join(", ", missing)}");
    }

    /// <summary>Every state an entity can be in, each answer validated: the extensions (PAUSED, extra fields) are exercised here.</summary>
    [Fact]
    public async Task Answers_conform_in_every_lifecycle_state()
    {
        var org = await ApiClient.NewOrganizationAsync();
        static Reply Valid(string operationId, Reply reply)
        {
            var operation = OpenApiContract.Operation(operationId);
            ConformanceWorld.Check(operation, reply, operation.SuccessStatus);
            return reply;
        }

        var meeting = (Valid("createMeeting", await org.PostAsync("meetings", new { title = "Tour", preferred_region = "ap-south-1", record_on_start = true, live_stream_on_start = false }))).Data.GetProperty("id").GetString()!;
        var participant = (Valid("addParticipant", await org.PostAsync($"meetings/{meeting}/participants",
            new { name = "Ann", picture = "https://example.com/a.png", preset_name = "host", custom_participant_id = "ann" }))).Data.GetProperty("id").GetString()!;
        (await org.JoinAsync(meeting, participant)).Expect(200);
        var recording = (Valid("startRecording", await org.PostAsync("recordings", new
        {
            meeting_id = meeting,
            file_name_prefix = "tour",
            audio_config = new { codec = "AAC" },
            video_config = new { codec = "H264", width = 1280, height = 720 },
            storage_config = new { type = "aws", access_key = "AKIA", secret = "s3cr3t", bucket = "b", region = "us-east-1", path = "p" },
        }))).Data.GetProperty("id").GetString()!;
        Valid("startLivestream", await org.PostAsync($"meetings/{meeting}/livestreams", new { name = "Tour" }));
        var statuses = new List<string>();
        async Task Recording()
        {
            var reply = Valid("getRecording", await org.GetAsync($"recordings/{recording}"));
            statuses.Add(reply.Data.GetProperty("status").GetString()!);
            Valid("listRecordings", await org.GetAsync("recordings"));
            Valid("listLivestreams", await org.GetAsync($"meetings/{meeting}/livestreams"));
            Valid("listSessions", await org.GetAsync("sessions"));
        }

        await Recording();                                                           // RECORDING
        Valid("updateRecording", await org.PutAsync($"recordings/{recording}", new { action = "pause" }));
        await Recording();                                                           // PAUSED
        Valid("getActiveLivestream", await org.GetAsync($"meetings/{meeting}/active-livestream"));
        Valid("getActiveRecording", await org.GetAsync($"recordings/active-recordings/{meeting}"));
        Valid("updateRecording", await org.PutAsync($"recordings/{recording}", new { action = "resume" }));
        Valid("updateRecording", await org.PutAsync($"recordings/{recording}", new { action = "stop" }));
        Valid("stopLivestream", await org.PostAsync($"meetings/{meeting}/active-livestream/stop"));
        var session = (Valid("getActiveSession", await org.GetAsync($"active-sessions/{meeting}"))).Data.GetProperty("id").GetString()!;
        (await org.LeaveAsync(meeting, participant)).Expect(200);
        await Recording();                                                           // UPLOADED
        Valid("getSession", await org.GetAsync($"sessions/{session}"));
        var attendees = Valid("listSessionParticipants", await org.GetAsync($"sessions/{session}/participants"));
        Valid("listLivestreams", await org.GetAsync($"meetings/{meeting}/livestreams"));

        Assert.Equal(["RECORDING", "PAUSED", "UPLOADED"], statuses);
        Assert.True(attendees.Data[0].TryGetProperty("left_at", out _));
        Assert.Equal("OFFLINE", (await org.GetAsync($"meetings/{meeting}/livestreams")).Data[0].GetProperty("status").GetString());
    }

    [Fact]
    public void The_validator_refuses_what_the_document_does_not_allow()
    {
        var getRecording = OpenApiContract.Operation("getRecording");
        var schema = ResponseSchemas.For(getRecording, 200);
        var id = Guid.NewGuid();
        string Body(string fields) => "{\"success\":true,\"data\":{\"id\":\"" + id + "\"," + fields + "}}";

        Assert.Empty(ResponseSchemas.Problems(schema, Body("\"status\":\"PAUSED\",\"file_size\":1,\"started_time\":\"2026-01-01T00:00:00.123Z\"")));
        Assert.NotEmpty(ResponseSchemas.Problems(schema, Body("\"status\":\"SLEEPING\"")));
        Assert.NotEmpty(ResponseSchemas.Problems(schema, Body("\"status\":\"UPLOADED\",\"undocumented\":1")));
        Assert.NotEmpty(ResponseSchemas.Problems(schema, Body("\"meeting_id\":\"m-1\"")));
        Assert.NotEmpty(ResponseSchemas.Problems(schema, Body("\"started_time\":\"yesterday\"")));
        Assert.NotEmpty(ResponseSchemas.Problems(schema, Body("\"started_time\":\"2026-01-01T00:00:00\"")));
        Assert.NotEmpty(ResponseSchemas.Problems(schema, Body("\"download_url\":\"not a url\"")));
        Assert.NotEmpty(ResponseSchemas.Problems(schema, Body("\"file_size\":\"1\"")));
        Assert.NotEmpty(ResponseSchemas.Problems(schema, Body("\"session_id\":null")));
        // An extension limited to one operation is refused elsewhere.
        Assert.NotEmpty(ResponseSchemas.Problems(ResponseSchemas.For(OpenApiContract.Operation("getParticipant"), 200),
            "{\"success\":true,\"data\":{\"id\":\"" + id + "\",\"joined_at\":\"2026-01-01T00:00:00Z\"}}"));
        Assert.Empty(ResponseSchemas.Problems(ResponseSchemas.For(OpenApiContract.Operation("listSessionParticipants"), 200),
            "{\"success\":true,\"data\":[{\"id\":\"" + id + "\",\"joined_at\":\"2026-01-01T00:00:00Z\",\"duration\":1.5}]}"));
    }
}
