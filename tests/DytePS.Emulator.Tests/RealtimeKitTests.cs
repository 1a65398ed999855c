using DytePS.Emulator.Tests.Support;
using Xunit;

namespace DytePS.Emulator.Tests;

/// <summary>The same API under Cloudflare RealtimeKit's prefix, with Bearer tokens.</summary>
public sealed class RealtimeKitTests : ApiTest
{
    [Fact]
    public async Task The_organizations_token_opens_its_app_and_sees_the_same_data()
    {
        var created = (await Org.RealtimeKitAsync(HttpMethod.Post, "meetings", new { title = "Via RealtimeKit" })).Expect(201).Data;

        var viaDyte = (await Org.GetAsync($"meetings/{Id(created)}")).Expect(200).Data;
        var listed = (await Org.RealtimeKitAsync(HttpMethod.Get, "meetings")).Expect(200);

        Assert.Equal("Via RealtimeKit", Str(viaDyte, "title"));
        Assert.Equal((1, 1, 1), listed.Offsets);
        var logged = (await Org.RequestLogAsync()).Json[0];
        Assert.Equal("createMeeting", Str(logged, "operation"));
        Assert.StartsWith($"/client/v4/accounts/{Org.AccountId}/realtime/kit/{Org.OrganizationId}/meetings", Str(logged, "path"));
    }

    [Fact]
    public async Task A_wrong_token_is_401_with_a_bearer_challenge()
    {
        var reply = await Org.RealtimeKitAsync(HttpMethod.Get, "meetings", token: "not-the-key");

        reply.ExpectError(401, "Unauthorized");
        Assert.Contains("Bearer", reply.Headers.WwwAuthenticate.ToString());
        (await Org.RealtimeKitAsync(HttpMethod.Get, "meetings", token: null)).ExpectError(401, "Unauthorized");
    }

    [Fact]
    public async Task Another_organizations_token_opens_neither_this_app_nor_it_under_this_account()
    {
        var other = await ApiClient.NewOrganizationAsync();

        (await Org.RealtimeKitAsync(HttpMethod.Get, "meetings", token: other.ApiKey)).ExpectError(401, "Unauthorized");
        (await other.RealtimeKitAsync(HttpMethod.Get, "meetings", accountId: Org.AccountId)).ExpectError(401, "Unauthorized");
        (await Org.RealtimeKitAsync(HttpMethod.Get, "meetings", appId: other.OrganizationId)).ExpectError(401, "Unauthorized");
        (await Org.RealtimeKitAsync(HttpMethod.Get, "meetings", appId: Guid.NewGuid().ToString())).ExpectError(401, "Unauthorized");
        (await other.RealtimeKitAsync(HttpMethod.Get, "meetings")).Expect(200);
    }

    [Fact]
    public async Task Each_prefix_takes_its_own_scheme_only()
    {
        var basic = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Org.OrganizationId}:{Org.ApiKey}"));

        (await Org.CallAsync(HttpMethod.Get, "meetings", authorization: "Bearer " + Org.ApiKey)).ExpectError(401, "Unauthorized");
        (await Org.RealtimeKitAsync(HttpMethod.Get, "meetings", authorization: basic)).ExpectError(401, "Unauthorized");
        (await Org.CallAsync(HttpMethod.Get, "meetings", authorization: basic)).Expect(200);
    }

    [Fact]
    public async Task Preferred_region_does_not_exist_on_realtimekit()
    {
        (await Org.RealtimeKitAsync(HttpMethod.Post, "meetings", new { title = "t", preferred_region = "ap-south-1" }))
            .ExpectError(400, "'preferred_region'");
        (await Org.RealtimeKitAsync(HttpMethod.Post, "meetings", """{"title":"t","preferred_region":null}"""))
            .ExpectError(400, "'preferred_region'");

        Assert.Equal(0, (await Org.GetAsync("meetings")).Offsets.Total);
        (await Org.PostAsync("meetings", new { title = "t", preferred_region = "ap-south-1" })).Expect(201);
    }

    [Theory]
    [MemberData(nameof(Operations.Data), MemberType = typeof(Operations))]
    public async Task Every_operation_is_served_under_the_realtimekit_prefix(string operationId, string method, string path)
    {
        var reply = await Org.RealtimeKitAsync(new HttpMethod(method), Operations.Fill(path), "{}");
        var anonymous = await Org.RealtimeKitAsync(new HttpMethod(method), Operations.Fill(path), "{}", token: null);

        Assert.NotEqual(401, (int)reply.Status);
        Assert.False(reply.Status == System.Net.HttpStatusCode.NotFound && reply.ErrorMessage == "No such API path", reply.ToString());
        anonymous.ExpectError(401, "Unauthorized");
        var logged = (await Org.RequestLogAsync()).Json.EnumerateArray().ToList();
        Assert.Equal([operationId, operationId], logged.Select(l => Str(l, "operation")));
    }

    [Fact]
    public async Task An_unknown_path_under_the_prefix_is_the_404_envelope()
    {
        (await Org.RealtimeKitAsync(HttpMethod.Get, "presets")).ExpectError(404, "No such API path");
    }

    [Fact]
    public async Task Organizations_take_and_answer_an_account_id_and_a_flavor()
    {
        var account = Guid.NewGuid().ToString();

        var created = (await Org.ControlAsync(HttpMethod.Post, "organizations", new { account_id = account, flavor = "realtimekit" })).Expect(201).Json;
        var defaults = (await Org.ControlAsync(HttpMethod.Post, "organizations", "{}")).Expect(201).Json;

        Assert.Equal((account, "realtimekit"), (Str(created, "account_id"), Str(created, "flavor")));
        Assert.True(Guid.TryParse(Str(defaults, "account_id"), out _));
        Assert.Equal("dyte", Str(defaults, "flavor"));
        var listed = (await Org.ControlAsync(HttpMethod.Get, "organizations")).Json.EnumerateArray().Single(o => Str(o, "id") == Str(created, "id"));
        Assert.Equal((account, "realtimekit"), (Str(listed, "account_id"), Str(listed, "flavor")));
        Assert.False(Has(listed, "api_key"));
        (await Org.ControlAsync(HttpMethod.Post, "organizations", new { flavor = "zoom" })).ExpectError(400, "'flavor' must be one of dyte, realtimekit");
        (await Org.ControlAsync(HttpMethod.Post, "organizations", new { account_id = "acct-1" })).ExpectError(400, "'account_id' must be a UUID");
    }
}
