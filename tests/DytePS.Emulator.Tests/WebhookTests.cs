using DytePS.Emulator.Tests.Support;
using Xunit;

namespace DytePS.Emulator.Tests;

public sealed class WebhookTests : ApiTest
{
    private static readonly string[] AllEvents =
    [
        "meeting.started", "meeting.ended", "meeting.participantJoined", "meeting.participantLeft",
        "recording.statusUpdate", "livestreaming.statusUpdate",
    ];

    [Fact]
    public async Task Create_answers_201_with_every_field()
    {
        var created = (await Org.PostAsync("webhooks", new { name = "All", url = "https://hooks.example.com/dyte", events = AllEvents })).Expect(201).Data;

        Assert.True(Guid.TryParse(Id(created), out _));
        Assert.Equal(("All", "https://hooks.example.com/dyte", true), (Str(created, "name"), Str(created, "url"), created.GetProperty("enabled").GetBoolean()));
        Assert.Equal(AllEvents, created.GetProperty("events").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(Str(created, "created_at"), Str(created, "updated_at"));
    }

    [Theory]
    [InlineData("""{"url":"https://a.example/x","events":["meeting.ended"]}""", "'name' is required")]
    [InlineData("""{"name":"","url":"https://a.example/x","events":["meeting.ended"]}""", "'name' must not be empty")]
    [InlineData("""{"name":"n","events":["meeting.ended"]}""", "'url' is required")]
    [InlineData("""{"name":"n","url":"hooks.example.com","events":["meeting.ended"]}""", "'url' must be an absolute http or https URL")]
    [InlineData("""{"name":"n","url":"mailto:a@example.com","events":["meeting.ended"]}""", "'url' must be an absolute http or https URL")]
    [InlineData("""{"name":"n","url":"https://a.example/x"}""", "'events' is required")]
    [InlineData("""{"name":"n","url":"https://a.example/x","events":[]}""", "'events' must name at least one event")]
    [InlineData("""{"name":"n","url":"https://a.example/x","events":"meeting.ended"}""", "'events' must be an array of strings")]
    [InlineData("""{"name":"n","url":"https://a.example/x","events":[1]}""", "'events' must be an array of strings")]
    [InlineData("""{"name":"n","url":"https://a.example/x","events":["meeting.chatSynced"]}""", "got 'meeting.chatSynced'")]
    [InlineData("""{"name":true,"url":"https://a.example/x","events":["meeting.ended"]}""", "'name' must be a string")]
    public async Task Create_validates_the_body_naming_the_field(string body, string message)
    {
        (await Org.PostAsync("webhooks", body)).ExpectError(400, message);
        Assert.Equal(0, (await Org.GetAsync("webhooks")).Data.GetArrayLength());
    }

    [Fact]
    public async Task List_has_every_webhook_in_creation_order_and_no_paging_block()
    {
        var first = Id((await Org.PostAsync("webhooks", new { name = "a", url = "http://a.example/", events = new[] { "meeting.started" } })).Expect(201).Data);
        var second = Id((await Org.PostAsync("webhooks", new { name = "b", url = "http://b.example/", events = new[] { "meeting.ended" } })).Expect(201).Data);

        var list = (await Org.GetAsync("webhooks")).Expect(200);

        Assert.True(list.Json.GetProperty("success").GetBoolean());
        Assert.False(Has(list.Json, "paging"));
        Assert.Equal([first, second], list.Data.EnumerateArray().Select(Id));
    }

    [Fact]
    public async Task Patch_replaces_name_url_and_events()
    {
        var created = (await Org.PostAsync("webhooks", new { name = "a", url = "http://a.example/", events = new[] { "meeting.started" } })).Expect(201).Data;

        var patched = (await Org.PatchAsync($"webhooks/{Id(created)}", new { name = "b", url = "https://b.example/hook", events = new[] { "recording.statusUpdate", "meeting.ended" } })).Expect(200).Data;
        var listed = (await Org.GetAsync("webhooks")).Data[0];

        Assert.Equal(("b", "https://b.example/hook"), (Str(patched, "name"), Str(patched, "url")));
        Assert.Equal(["recording.statusUpdate", "meeting.ended"], listed.GetProperty("events").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(Str(created, "created_at"), Str(listed, "created_at"));
        Assert.True(listed.GetProperty("updated_at").GetDateTime() >= created.GetProperty("updated_at").GetDateTime());
    }

    [Fact]
    public async Task Patch_needs_the_whole_body_and_a_known_id()
    {
        var id = Id((await Org.PostAsync("webhooks", new { name = "a", url = "http://a.example/", events = new[] { "meeting.started" } })).Expect(201).Data);

        (await Org.PatchAsync($"webhooks/{id}", new { name = "only a name" })).ExpectError(400, "'url' is required");
        (await Org.PatchAsync($"webhooks/{id}", new { name = "n", url = "http://a.example/", events = new[] { "bogus" } })).ExpectError(400, "got 'bogus'");
        (await Org.PatchAsync($"webhooks/{Guid.NewGuid()}", new { name = "n", url = "http://a.example/", events = new[] { "meeting.started" } })).ExpectError(404, "Webhook not found");
        (await Org.PatchAsync("webhooks/abc", new { name = "n", url = "http://a.example/", events = new[] { "meeting.started" } })).ExpectError(400, "'webhookId' must be a UUID");
        Assert.Equal("a", Str((await Org.GetAsync("webhooks")).Data[0], "name"));
    }

    [Fact]
    public async Task Delete_answers_a_success_message_and_the_webhook_is_gone()
    {
        var id = Id((await Org.PostAsync("webhooks", new { name = "a", url = "http://a.example/", events = new[] { "meeting.started" } })).Expect(201).Data);

        var deleted = (await Org.DeleteAsync($"webhooks/{id}")).Expect(200);

        Assert.True(deleted.Json.GetProperty("success").GetBoolean());
        Assert.False(string.IsNullOrEmpty(deleted.Json.GetProperty("message").GetString()));
        Assert.Equal(0, (await Org.GetAsync("webhooks")).Data.GetArrayLength());
        (await Org.DeleteAsync($"webhooks/{id}")).ExpectError(404, "Webhook not found");
        (await Org.DeleteAsync("webhooks/1")).ExpectError(400, "'webhookId' must be a UUID");
    }
}
