using DytePS.Emulator.Tests.Support;
using Xunit;

namespace DytePS.Emulator.Tests;

public sealed class ParticipantTests : ApiTest
{
    [Fact]
    public async Task Add_answers_201_with_every_field_and_a_signed_jwt()
    {
        var meeting = await Org.CreateMeetingAsync();

        var added = (await Org.PostAsync($"meetings/{meeting}/participants", new
        {
            name = "Jane Doe",
            picture = "https://example.com/jane.png",
            preset_name = "group_call_host",
            custom_participant_id = "jane-1",
        })).Expect(201);

        Assert.True(added.Json.GetProperty("success").GetBoolean());
        var p = added.Data;
        Assert.True(Guid.TryParse(Id(p), out _));
        Assert.Equal(("Jane Doe", "https://example.com/jane.png", "group_call_host", "jane-1"),
            (Str(p, "name"), Str(p, "picture"), Str(p, "preset_name"), Str(p, "custom_participant_id")));
        Assert.Equal(p.GetProperty("created_at").GetDateTime(), p.GetProperty("updated_at").GetDateTime());

        var (header, payload, signature) = Jwt.Decode(Str(p, "token"));
        Assert.Equal("HS256", header.GetProperty("alg").GetString());
        Assert.Equal(32, signature.Length);
        Assert.Equal(Id(p), payload.GetProperty("participantId").GetString());
        Assert.Equal(meeting, payload.GetProperty("meetingId").GetString());
        Assert.Equal(Org.OrganizationId, payload.GetProperty("orgId").GetString());
        Assert.True(payload.GetProperty("exp").GetInt64() > payload.GetProperty("iat").GetInt64());
    }

    [Theory]
    [InlineData("""{"name":"x"}""", "'preset_name' is required")]
    [InlineData("""{"preset_name":""}""", "'preset_name' must not be empty")]
    [InlineData("""{"preset_name":7}""", "'preset_name' must be a string")]
    [InlineData("""{"preset_name":"host","name":5}""", "'name' must be a string")]
    [InlineData("""{"preset_name":"host","picture":"not a url"}""", "'picture' must be an absolute http or https URL")]
    [InlineData("""{"preset_name":"host","picture":"ftp://example.com/a.png"}""", "'picture' must be an absolute http or https URL")]
    [InlineData("""{"preset_name":"host","custom_participant_id":true}""", "'custom_participant_id' must be a string")]
    [InlineData("""{"preset_name":""", "not valid JSON")]
    [InlineData("""["preset_name"]""", "must be a JSON object")]
    public async Task Add_validates_the_body_naming_the_field(string body, string message)
    {
        var meeting = await Org.CreateMeetingAsync();

        (await Org.PostAsync($"meetings/{meeting}/participants", body)).ExpectError(400, message);
    }

    [Fact]
    public async Task Add_to_an_unknown_or_malformed_meeting_is_404_or_400()
    {
        (await Org.PostAsync($"meetings/{Guid.NewGuid()}/participants", new { preset_name = "host" })).ExpectError(404, "Meeting not found");
        (await Org.PostAsync("meetings/not-a-uuid/participants", new { preset_name = "host" })).ExpectError(400, "'meetingId' must be a UUID");
    }

    [Fact]
    public async Task Get_answers_the_participant_without_a_token()
    {
        var meeting = await Org.CreateMeetingAsync();
        var added = await Org.AddParticipantAsync(meeting, "Ann");

        var read = (await Org.GetAsync($"meetings/{meeting}/participants/{Id(added)}")).Expect(200).Data;

        Assert.Equal((Id(added), "Ann", "group_call_host"), (Id(read), Str(read, "name"), Str(read, "preset_name")));
        Assert.False(Has(read, "token"));
    }

    [Fact]
    public async Task Get_of_an_unknown_participant_or_one_of_another_meeting_is_404()
    {
        var meeting = await Org.CreateMeetingAsync();
        var other = await Org.CreateMeetingAsync();
        var participant = await Org.AddParticipantIdAsync(other);

        (await Org.GetAsync($"meetings/{meeting}/participants/{Guid.NewGuid()}")).ExpectError(404, "Participant not found");
        (await Org.GetAsync($"meetings/{meeting}/participants/{participant}")).ExpectError(404, "Participant not found");
        (await Org.GetAsync($"meetings/{Guid.NewGuid()}/participants/{participant}")).ExpectError(404, "Meeting not found");
        (await Org.GetAsync($"meetings/{meeting}/participants/123")).ExpectError(400, "'participantId' must be a UUID");
    }

    [Fact]
    public async Task List_pages_with_one_based_inclusive_offsets_and_no_tokens()
    {
        var meeting = await Org.CreateMeetingAsync();
        (await Org.SeedAsync(new { meeting_id = meeting, participants_per_meeting = 25 })).Expect(200);
        var other = await Org.CreateMeetingAsync();
        await Org.AddParticipantAsync(other);

        var second = (await Org.GetAsync($"meetings/{meeting}/participants?page_no=2&per_page=10")).Expect(200);
        var last = (await Org.GetAsync($"meetings/{meeting}/participants?page_no=3&per_page=10")).Expect(200);
        var beyond = (await Org.GetAsync($"meetings/{meeting}/participants?page_no=4&per_page=10")).Expect(200);
        var defaults = (await Org.GetAsync($"meetings/{meeting}/participants")).Expect(200);

        Assert.Equal((25, 11, 20), second.Offsets);
        Assert.Equal(10, second.Data.GetArrayLength());
        Assert.Equal("Participant 11", Str(second.Data[0], "name"));
        Assert.Equal((25, 21, 25), last.Offsets);
        Assert.Equal(5, last.Data.GetArrayLength());
        Assert.Equal((25, 0, 0), beyond.Offsets);
        Assert.Equal(0, beyond.Data.GetArrayLength());
        Assert.Equal((25, 1, 20), defaults.Offsets);
        Assert.All(defaults.Data.EnumerateArray(), p => Assert.False(Has(p, "token")));
    }

    [Theory]
    [InlineData("page_no=0", "'page_no' must be a positive integer")]
    [InlineData("per_page=-5", "'per_page' must be a positive integer")]
    [InlineData("per_page=ten", "'per_page' must be a positive integer")]
    public async Task List_refuses_non_positive_paging_values(string query, string message)
    {
        var meeting = await Org.CreateMeetingAsync();

        (await Org.GetAsync($"meetings/{meeting}/participants?{query}")).ExpectError(400, message);
    }

    [Fact]
    public async Task List_of_an_unknown_meeting_is_404()
    {
        (await Org.GetAsync($"meetings/{Guid.NewGuid()}/participants")).ExpectError(404, "Meeting not found");
    }

    [Fact]
    public async Task Patch_changes_name_picture_and_preset_and_keeps_the_rest()
    {
        var meeting = await Org.CreateMeetingAsync();
        var added = (await Org.PostAsync($"meetings/{meeting}/participants", new { name = "Old", preset_name = "viewer", custom_participant_id = "c-1" })).Expect(201).Data;

        var patched = (await Org.PatchAsync($"meetings/{meeting}/participants/{Id(added)}",
            new { name = "New", picture = "http://example.com/new.png", preset_name = "host" })).Expect(200).Data;
        var read = (await Org.GetAsync($"meetings/{meeting}/participants/{Id(added)}")).Expect(200).Data;

        Assert.Equal(("New", "http://example.com/new.png", "host", "c-1"), (Str(read, "name"), Str(read, "picture"), Str(read, "preset_name"), Str(read, "custom_participant_id")));
        Assert.Equal(Str(patched, "updated_at"), Str(read, "updated_at"));
        Assert.True(read.GetProperty("updated_at").GetDateTime() >= added.GetProperty("updated_at").GetDateTime());
        Assert.False(Has(patched, "token"));
    }

    [Fact]
    public async Task Patch_validates_and_answers_404_for_unknown_participants()
    {
        var meeting = await Org.CreateMeetingAsync();
        var participant = await Org.AddParticipantIdAsync(meeting);

        (await Org.PatchAsync($"meetings/{meeting}/participants/{participant}", new { picture = "javascript:alert(1)" })).ExpectError(400, "'picture'");
        (await Org.PatchAsync($"meetings/{meeting}/participants/{participant}", new { preset_name = " " })).ExpectError(400, "'preset_name' must not be empty");
        (await Org.PatchAsync($"meetings/{meeting}/participants/{participant}", new { name = new[] { "a" } })).ExpectError(400, "'name' must be a string");
        (await Org.PatchAsync($"meetings/{meeting}/participants/{Guid.NewGuid()}", new { name = "x" })).ExpectError(404, "Participant not found");
    }

    [Fact]
    public async Task Delete_answers_a_success_message_and_the_participant_is_gone()
    {
        var meeting = await Org.CreateMeetingAsync();
        var participant = await Org.AddParticipantIdAsync(meeting);

        var deleted = (await Org.DeleteAsync($"meetings/{meeting}/participants/{participant}")).Expect(200);

        Assert.True(deleted.Json.GetProperty("success").GetBoolean());
        Assert.False(string.IsNullOrEmpty(deleted.Json.GetProperty("message").GetString()));
        (await Org.GetAsync($"meetings/{meeting}/participants/{participant}")).ExpectError(404, "Participant not found");
        (await Org.DeleteAsync($"meetings/{meeting}/participants/{participant}")).ExpectError(404, "Participant not found");
        Assert.Equal(0, (await Org.GetAsync($"meetings/{meeting}/participants")).Paging.GetProperty("total_count").GetInt32());
    }

    [Fact]
    public async Task Deleting_a_participant_who_is_in_the_meeting_makes_them_leave()
    {
        var meeting = await Org.CreateMeetingAsync();
        var participant = await Org.AddParticipantIdAsync(meeting);
        var session = Id((await Org.JoinAsync(meeting, participant)).Expect(200).Json);

        (await Org.DeleteAsync($"meetings/{meeting}/participants/{participant}")).Expect(200);

        var ended = (await Org.GetAsync($"sessions/{session}")).Expect(200).Data;
        Assert.Equal(("ENDED", 0), (Str(ended, "status"), ended.GetProperty("live_participants").GetInt32()));
    }

    [Fact]
    public async Task Regenerating_the_token_keeps_the_participant_and_issues_a_new_token()
    {
        var meeting = await Org.CreateMeetingAsync();
        var added = await Org.AddParticipantAsync(meeting);

        var regenerated = (await Org.PostAsync($"meetings/{meeting}/participants/{Id(added)}/token")).Expect(200);

        Assert.True(regenerated.Json.GetProperty("success").GetBoolean());
        var token = Str(regenerated.Data, "token");
        Assert.NotEqual(Str(added, "token"), token);
        var (_, payload, _) = Jwt.Decode(token);
        Assert.Equal(Id(added), payload.GetProperty("participantId").GetString());
        Assert.Equal(Id(added), Id((await Org.GetAsync($"meetings/{meeting}/participants/{Id(added)}")).Expect(200).Data));
    }

    [Fact]
    public async Task Regenerating_the_token_of_an_unknown_participant_is_404()
    {
        var meeting = await Org.CreateMeetingAsync();

        (await Org.PostAsync($"meetings/{meeting}/participants/{Guid.NewGuid()}/token")).ExpectError(404, "Participant not found");
        (await Org.PostAsync($"meetings/{meeting}/participants/nope/token")).ExpectError(400, "'participantId' must be a UUID");
    }
}
