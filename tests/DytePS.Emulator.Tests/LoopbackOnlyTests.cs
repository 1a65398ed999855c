using System.Net.Http.Headers;
using System.Text;
using DytePS.Emulator.Tests.Support;
using Xunit;

namespace DytePS.Emulator.Tests;

/// <summary>
/// A web page must not drive the emulator: a request whose Host is not a loopback name (DNS
/// rebinding) or whose Origin is a foreign site is refused, on the control API and on the API, and
/// a control request with a body must say application/json (which a page cannot send cross-site
/// without a preflight the emulator never answers).
/// </summary>
public sealed class LoopbackOnlyTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task A_text_plain_control_request_is_refused_with_415_and_changes_nothing()
    {
        var org = await ApiClient.NewOrganizationAsync();

        var reply = await SendAsync(org, HttpMethod.Post, "_emulator/faults", FaultBody(org), "text/plain");

        Assert.Equal(415, (int)reply.Status);
        Assert.Contains("application/json", reply.ErrorMessage);
        Assert.Equal(0, await FaultCountAsync(org));
    }

    [Theory]
    [InlineData("evil.example.com")]
    [InlineData("evil.example.com:5380")]
    [InlineData("127.0.0.1.nip.io")]
    [InlineData("localhost.evil.example.com")]
    public async Task A_foreign_host_is_refused_on_the_control_api_and_the_api(string host)
    {
        var org = await ApiClient.NewOrganizationAsync();

        var control = await SendAsync(org, HttpMethod.Post, "_emulator/faults", FaultBody(org), "application/json", host: host);
        var api = await SendAsync(org, HttpMethod.Get, "v2/meetings", host: host, basic: true);

        Assert.Equal((403, 403), ((int)control.Status, (int)api.Status));
        Assert.Contains("Host", control.ErrorMessage);
        Assert.False(control.Json.GetProperty("success").GetBoolean());
        Assert.Equal(0, await FaultCountAsync(org));
    }

    [Theory]
    [InlineData("https://evil.example.com")]
    [InlineData("http://127.0.0.1.evil.example.com")]
    [InlineData("null")]
    public async Task A_foreign_origin_is_refused(string origin)
    {
        var org = await ApiClient.NewOrganizationAsync();

        var control = await SendAsync(org, HttpMethod.Post, "_emulator/faults", FaultBody(org), "application/json", origin: origin);
        var api = await SendAsync(org, HttpMethod.Post, "v2/meetings", "{\"title\":\"x\"}", "application/json", origin: origin, basic: true);

        Assert.Equal((403, 403), ((int)control.Status, (int)api.Status));
        Assert.Contains("Origin", control.ErrorMessage);
        Assert.Equal(0, await FaultCountAsync(org));
        Assert.Equal(0, (await org.GetAsync("meetings")).Expect(200).Offsets.Total);
    }

    [Theory]
    [InlineData("localhost", null)]
    [InlineData("LOCALHOST:{port}", "http://localhost:3000")]
    [InlineData("127.0.0.1:{port}", "http://127.0.0.1:{port}")]
    [InlineData("[::1]:{port}", "http://[::1]:8080")]
    public async Task Loopback_hosts_and_origins_are_served(string host, string? origin)
    {
        var org = await ApiClient.NewOrganizationAsync();
        var port = org.Emulator.Root.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var control = await SendAsync(org, HttpMethod.Post, "_emulator/faults", FaultBody(org), "application/json; charset=utf-8",
            host: host.Replace("{port}", port), origin: origin?.Replace("{port}", port));
        var api = await SendAsync(org, HttpMethod.Get, "v2/meetings", host: host.Replace("{port}", port), origin: origin?.Replace("{port}", port), basic: true);

        control.Expect(201);
        api.Expect(200);
    }

    private static string FaultBody(ApiClient org) =>
        ApiClient.Json(new { organization = org.OrganizationId, operation = "getMeeting", kind = "status", status = 503, count = 1 });

    private static async Task<int> FaultCountAsync(ApiClient org) =>
        (await org.ControlAsync(HttpMethod.Get, $"faults?organization={org.OrganizationId}")).Expect(200).Json.GetArrayLength();

    private static async Task<Reply> SendAsync(ApiClient org, HttpMethod method, string relative, string? body = null, string? contentType = null,
        string? host = null, string? origin = null, bool basic = false)
    {
        using var request = new HttpRequestMessage(method, new Uri(org.Emulator.Root, relative));
        if (body != null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType!);
        }
        if (host != null) request.Headers.Host = host;
        if (origin != null) request.Headers.TryAddWithoutValidation("Origin", origin);
        if (basic)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{org.OrganizationId}:{org.ApiKey}")));
        using var response = await Http.SendAsync(request);
        return new Reply(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers, response.Content.Headers);
    }
}
