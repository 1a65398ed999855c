using DytePS.Testing;
using System.Text.Json.Nodes;
using DytePS.Emulator.Tests.Support;
using Xunit;
using Xunit.Sdk;

namespace DytePS.Emulator.Tests.Conformance;

/// <summary>
/// A fresh organization holding one of everything, so any operation of the document can be called
/// with ids that exist: a meeting with a participant in its live session, an active recording and
/// a livestream, a webhook, and a spare meeting for operations that start something new.
/// </summary>
public sealed class ConformanceWorld
{
    private ConformanceWorld(ApiClient org, IReadOnlyDictionary<string, string> ids, string spareMeetingId)
    {
        Org = org;
        Ids = ids;
        SpareMeetingId = spareMeetingId;
    }

    public ApiClient Org { get; }

    /// <summary>Existing ids by path parameter name (meetingId, participantId, sessionId, recordingId, webhookId).</summary>
    public IReadOnlyDictionary<string, string> Ids { get; }

    /// <summary>A meeting with nothing running, where a recording or livestream can start.</summary>
    public string SpareMeetingId { get; }

    /// <param name="emulator">Where (default: the shared emulator).</param>
    public static async Task<ConformanceWorld> CreateAsync(bool realtimeKit = false, DyteEmulator? emulator = null)
    {
        var org = await ApiClient.NewOrganizationAsync(0, emulator);
        var meeting = await org.CreateMeetingAsync("Conformance");
        var participant = await org.AddParticipantIdAsync(meeting);
        var session = (await org.JoinAsync(meeting, participant)).Expect(200).Json.GetProperty("id").GetString()!;
        var recording = (await org.StartRecordingAsync(meeting)).GetProperty("id").GetString()!;
        (await org.PostAsync($"meetings/{meeting}/livestreams", new { name = "Conformance" })).Expect(201);
        var webhook = (await org.PostAsync("webhooks", new { name = "w", url = "https://example.com/hook", events = new[] { "meeting.ended" } }))
            .Expect(201).Data.GetProperty("id").GetString()!;
        var spare = await org.CreateMeetingAsync("Spare");
        var ids = new Dictionary<string, string>
        {
            ["meetingId"] = meeting,
            ["participantId"] = participant,
            ["sessionId"] = session,
            ["recordingId"] = recording,
            ["webhookId"] = webhook,
        };
        return new ConformanceWorld(org, ids, spare) { RealtimeKit = realtimeKit };
    }

    /// <summary>The id to put in a path parameter: existing ones, except that a new livestream goes on the spare meeting.</summary>
    public string PathValue(ContractOperation operation, string parameter) =>
        operation.Id == "startLivestream" && parameter == "meetingId" ? SpareMeetingId : Ids[parameter];

    /// <summary>Call the API under the RealtimeKit prefix with a Bearer token instead of /v2 with Basic.</summary>
    public bool RealtimeKit { get; init; }

    /// <summary>
    /// The valid body the document describes; meeting_id names the spare meeting. Under the
    /// RealtimeKit prefix without preferred_region, which does not exist there (facts, RealtimeKit).
    /// </summary>
    public JsonNode? ValidBody(ContractOperation operation)
    {
        if (operation.RequestSchema is not { } schema) return null;
        var body = RequestBodies.Valid(schema, _ => SpareMeetingId);
        if (RealtimeKit) ((JsonObject)body).Remove("preferred_region");
        return body;
    }

    /// <summary>An authenticated call (<paramref name="authenticated"/> false: with no credentials at all).</summary>
    public Task<Reply> CallAsync(ContractOperation operation, string path, JsonNode? body, bool authenticated = true) => RealtimeKit
        ? Org.RealtimeKitAsync(new HttpMethod(operation.Method), path, body?.ToJsonString(), token: authenticated ? "" : null)
        : Org.CallAsync(new HttpMethod(operation.Method), path, body?.ToJsonString(), authenticated ? "" : null);

    /// <summary>
    /// Asserts the answer has the expected status and conforms to the document's schema for it
    /// (the error envelope for statuses the document leaves out), with the envelope's success flag
    /// and error code telling the same story as the status.
    /// </summary>
    public static void Check(ContractOperation operation, Reply reply, int expectedStatus)
    {
        if ((int)reply.Status != expectedStatus)
            throw new XunitException($"{operation.Id}: expected HTTP {expectedStatus}, got {reply}");
        if (reply.ContentHeaders.ContentType?.MediaType != "application/json")
            throw new XunitException($"{operation.Id}: {expectedStatus} is not application/json: {reply.ContentHeaders.ContentType}");
        var problems = ResponseSchemas.Problems(ResponseSchemas.For(operation, expectedStatus), reply.Text);
        if (problems.Count > 0)
            throw new XunitException($"{operation.Id} {expectedStatus} breaks the document:\n  {string.Join("\n  ", problems)}\n{reply.Text}");
        var success = expectedStatus is >= 200 and < 300;
        Assert.Equal(success, reply.Json.GetProperty("success").GetBoolean());
        if (!success) Assert.Equal(expectedStatus, reply.Json.GetProperty("error").GetProperty("code").GetInt32());
    }
}
