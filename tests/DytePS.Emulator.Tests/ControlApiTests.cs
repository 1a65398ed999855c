using DytePS.Emulator.Tests.Support;
using DytePS.Testing;
using Xunit;

namespace DytePS.Emulator.Tests;

/// <summary>The control API additions: organizations' lifecycle delay, seeding participants, reset.</summary>
public sealed class ControlApiTests : ApiTest
{
    [Fact]
    public async Task An_organization_takes_its_own_lifecycle_delay()
    {
        var emulator = await SharedEmulator.GetAsync();
        var id = Guid.NewGuid().ToString();

        var created = (await Org.ControlAsync(HttpMethod.Post, "organizations", new { id, lifecycle_delay_ms = 1234 })).Expect(201).Json;
        var listed = (await Org.ControlAsync(HttpMethod.Get, "organizations")).Expect(200).Json;

        Assert.Equal(1234, created.GetProperty("lifecycle_delay_ms").GetInt32());
        Assert.Equal(1234, listed.EnumerateArray().Single(o => Str(o, "id") == id).GetProperty("lifecycle_delay_ms").GetInt32());
        Assert.Equal(TimeSpan.FromMilliseconds(1234), emulator.State.Find(id)!.LifecycleDelay);
    }

    [Theory]
    [InlineData("""{"lifecycle_delay_ms":-1}""", "'lifecycle_delay_ms' must be between 0 and 86400000")]
    [InlineData("""{"lifecycle_delay_ms":"fast"}""", "'lifecycle_delay_ms' must be an integer")]
    [InlineData("""{"lifecycle_delay_ms":1.5}""", "'lifecycle_delay_ms' must be an integer")]
    public async Task A_bad_lifecycle_delay_is_400(string body, string message)
    {
        (await Org.ControlAsync(HttpMethod.Post, "organizations", body)).ExpectError(400, message);
    }

    [Fact]
    public async Task Without_a_delay_an_organization_gets_the_emulators_default()
    {
        var emulator = await SharedEmulator.GetAsync();

        var created = (await Org.ControlAsync(HttpMethod.Post, "organizations", "{}")).Expect(201).Json;

        Assert.Equal(1000, created.GetProperty("lifecycle_delay_ms").GetInt32());
        Assert.Equal(TimeSpan.FromSeconds(1), emulator.State.Find(Str(created, "id"))!.LifecycleDelay);
    }

    [Fact]
    public async Task Seeding_creates_meetings_with_participants_in_one_call()
    {
        var seeded = (await Org.SeedAsync(new { meetings = 3, participants_per_meeting = 4, title_prefix = "Seeded" })).Expect(200).Json;

        Assert.Equal((3, 12), (seeded.GetProperty("meetings").GetInt32(), seeded.GetProperty("participants").GetInt32()));
        var meetings = (await Org.GetAsync("meetings")).Expect(200).Data;
        Assert.Equal(3, meetings.GetArrayLength());
        foreach (var meeting in meetings.EnumerateArray())
        {
            var participants = (await Org.GetAsync($"meetings/{Id(meeting)}/participants")).Expect(200);
            Assert.Equal(4, participants.Offsets.Total);
            Assert.All(participants.Data.EnumerateArray(), p => Assert.Equal("group_call_participant", Str(p, "preset_name")));
        }
    }

    [Fact]
    public async Task Seeding_into_an_existing_meeting_takes_the_preset_name()
    {
        var meeting = await Org.CreateMeetingAsync();

        var seeded = (await Org.SeedAsync(new { meeting_id = meeting, participants_per_meeting = 30, preset_name = "webinar_viewer" })).Expect(200).Json;

        Assert.Equal((0, 30), (seeded.GetProperty("meetings").GetInt32(), seeded.GetProperty("participants").GetInt32()));
        var page = (await Org.GetAsync($"meetings/{meeting}/participants?per_page=100")).Expect(200);
        Assert.Equal((30, 1, 30), page.Offsets);
        Assert.Equal(("Participant 30", "webinar_viewer"), (Str(page.Data[29], "name"), Str(page.Data[29], "preset_name")));
    }

    [Theory]
    [InlineData("""{"participants_per_meeting":-1}""", 400, "'participants_per_meeting' must be between")]
    [InlineData("""{"participants_per_meeting":"many"}""", 400, "'participants_per_meeting' must be an integer")]
    [InlineData("""{"meetings":1,"preset_name":""}""", 400, "'preset_name' must not be empty")]
    [InlineData("""{"meetings":10000000,"participants_per_meeting":2}""", 400, "At most 10000000 participants")]
    [InlineData("""{"meeting_id":"00000000-0000-0000-0000-000000000001","participants_per_meeting":1}""", 404, "Meeting not found")]
    public async Task Seeding_validates_its_body(string body, int status, string message)
    {
        (await Org.SeedAsync(body)).ExpectError(status, message);
    }

    [Fact]
    public async Task Reset_forgets_every_kind_of_data()
    {
        var meeting = await Org.CreateMeetingAsync();
        var participant = await Org.AddParticipantIdAsync(meeting);
        await Org.JoinAsync(meeting, participant);
        await Org.StartRecordingAsync(meeting);
        (await Org.PostAsync($"meetings/{meeting}/livestreams")).Expect(201);
        (await Org.PostAsync("webhooks", new { name = "w", url = "https://example.com/", events = new[] { "meeting.ended" } })).Expect(201);

        (await Org.ControlAsync(HttpMethod.Post, $"organizations/{Org.OrganizationId}/reset")).Expect(204);

        Assert.Equal(0, (await Org.GetAsync("sessions")).Offsets.Total);
        Assert.Equal(0, (await Org.GetAsync("recordings")).Offsets.Total);
        Assert.Equal(0, (await Org.GetAsync("webhooks")).Data.GetArrayLength());
        (await Org.GetAsync($"meetings/{meeting}/livestreams")).ExpectError(404, "Meeting not found");
    }
}
