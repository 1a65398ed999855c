using System.Net.Http.Headers;
using System.Text;
using DytePS.Emulator.Tests.Support;
using Xunit;

namespace DytePS.Emulator.Tests;

/// <summary>
/// Bodies and queries no client should send get the service's error envelope with the right
/// status (400, or 413 for a body over the limit), never a 500, and change nothing. The limits are
/// documented in docs/emulator.md.
/// </summary>
public sealed class BadBodyTests : ApiTest
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    [Theory]
    [InlineData("meetings", """{"title":"a\ud800b"}""", "title")]
    [InlineData("meetings", """{"title":"\udc00"}""", "title")]
    [InlineData("meetings", """{"title":"ok","preferred_region":"\ud83d"}""", "preferred_region")]
    [InlineData("meetings", """{"ti\ud800tle":"ok"}""", "property name")]
    [InlineData("webhooks", """{"name":"n","url":"https://x.example.com","events":["meeting.started","\ud800"]}""", "events")]
    public async Task A_lone_surrogate_escape_is_a_400_naming_the_field(string path, string body, string field)
    {
        var reply = await Org.CallAsync(HttpMethod.Post, path, body);

        reply.Expect(400);
        Assert.False(reply.Json.GetProperty("success").GetBoolean());
        Assert.Equal(400, reply.Json.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains(field, reply.ErrorMessage);
        Assert.Equal(0, (await Org.GetAsync(path)).Expect(200).Json.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_participant_name_is_a_400()
    {
        var meeting = await Org.CreateMeetingAsync();

        var reply = await Org.CallAsync(HttpMethod.Post, $"meetings/{meeting}/participants", """{"name":"\ud800","preset_name":"host"}""");

        reply.Expect(400);
        Assert.Contains("name", reply.ErrorMessage);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC3 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // a surrogate encoded as UTF-8, which UTF-8 forbids
    public async Task Invalid_utf8_is_a_400(byte[] bad)
    {
        byte[] body = [.. "{\"title\":\"a"u8.ToArray(), .. bad, .. "b\"}"u8.ToArray()];

        var reply = await PostBytesAsync("meetings", body);

        reply.Expect(400);
        Assert.Contains("UTF-8", reply.ErrorMessage);
        Assert.Equal(0, (await Org.GetAsync("meetings")).Expect(200).Offsets.Total);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(40)]
    public async Task A_body_over_one_mebibyte_is_a_413_in_the_error_envelope(int mebibytes)
    {
        var body = Encoding.UTF8.GetBytes("{\"title\":\"" + new string('x', mebibytes * 1024 * 1024) + "\"}");

        // Announced with Expect: 100-continue, as large uploads should be: the 413 comes before the
        // body is sent (a client that sends it anyway has its connection closed mid-upload).
        var reply = await PostBytesAsync("meetings", body, expectContinue: true);

        reply.Expect(413);
        Assert.Equal(413, reply.Json.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("1048576", reply.ErrorMessage);
        Assert.Equal(0, (await Org.GetAsync("meetings")).Expect(200).Offsets.Total);
    }

    [Fact]
    public async Task A_title_over_1024_characters_is_a_400_and_1024_is_fine()
    {
        var reply = await Org.PostAsync("meetings", new { title = new string('t', 1025) });
        var patched = await Org.PatchAsync($"meetings/{await Org.CreateMeetingAsync()}", new { title = new string('t', 1025) });

        reply.Expect(400);
        patched.Expect(400);
        Assert.Contains("'title' must be at most 1024 characters", reply.ErrorMessage);
        (await Org.PostAsync("meetings", new { title = new string('t', 1024) })).Expect(201);
    }

    [Fact]
    public async Task Any_other_string_over_4096_characters_is_a_400()
    {
        var meeting = await Org.CreateMeetingAsync();

        var reply = await Org.PostAsync($"meetings/{meeting}/participants", new { name = new string('n', 4097), preset_name = "host" });

        reply.Expect(400);
        Assert.Contains("'name' must be at most 4096 characters", reply.ErrorMessage);
    }

    [Theory]
    [InlineData("per_page=1000000", "'per_page' must be at most 1000.")]
    [InlineData("per_page=1001", "'per_page' must be at most 1000.")]
    [InlineData("per_page=99999999999", "'per_page' must be at most 1000.")]
    [InlineData("page_no=99999999999", "'page_no' must be at most 2147483647.")]
    [InlineData("page_no=0", "'page_no' must be a positive integer.")]
    public async Task Paging_values_out_of_range_are_a_400_that_says_why(string query, string message)
    {
        var reply = await Org.GetAsync("meetings?" + query);

        reply.Expect(400);
        Assert.Equal(message, reply.ErrorMessage);
    }

    [Fact]
    public async Task The_largest_page_size_is_served()
    {
        await Org.SeedAsync(new { meetings = 1001 });

        var page = (await Org.GetAsync("meetings?per_page=1000&page_no=2147483647")).Expect(200);
        var full = (await Org.GetAsync("meetings?per_page=1000")).Expect(200);

        Assert.Equal((1001, 0, 0), page.Offsets);
        Assert.Equal(1000, full.Data.GetArrayLength());
    }

    [Fact]
    public async Task The_control_api_answers_bad_bodies_the_same_way()
    {
        var surrogate = await Org.ControlAsync(HttpMethod.Post, $"organizations/{Org.OrganizationId}/seed", """{"title_prefix":"\ud800","meetings":1}""");
        var huge = await PostBytesAsync(new Uri(Org.Emulator.ControlUri, $"organizations/{Org.OrganizationId}/seed"),
            Encoding.UTF8.GetBytes("{\"title_prefix\":\"" + new string('x', 2 * 1024 * 1024) + "\",\"meetings\":1}"), expectContinue: true);

        surrogate.Expect(400);
        huge.Expect(413);
        Assert.Equal(0, (await Org.GetAsync("meetings")).Expect(200).Offsets.Total);
    }

    [Fact]
    public void The_limits_are_the_documented_ones()
    {
        var docs = File.ReadAllText(DytePS.Testing.RepoPaths.InRepo("docs", "emulator.md"));

        Assert.Equal((1_048_576, 1024, 4096, 1000), (Infrastructure.JsonBody.MaxBodyBytes, Api.MeetingEndpoints.MaxTitleLength,
            Infrastructure.JsonBody.MaxStringLength, Infrastructure.PageQuery.MaxPerPage));
        Assert.Contains("at most 1 MiB (1,048,576 bytes)", docs);
        Assert.Contains("`title` of at most 1024 characters", docs);
        Assert.Contains("of at most 4096 characters", docs);
        Assert.Contains("`per_page` from 1 to 1000", docs);
    }

    private Task<Reply> PostBytesAsync(string path, byte[] body, bool expectContinue = false) => PostBytesAsync(Org.ApiUri(path), body, expectContinue);

    private async Task<Reply> PostBytesAsync(Uri uri, byte[] body, bool expectContinue = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Headers.ExpectContinue = expectContinue;
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Org.OrganizationId}:{Org.ApiKey}")));
        using var response = await Http.SendAsync(request);
        return new Reply(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers, response.Content.Headers);
    }
}
