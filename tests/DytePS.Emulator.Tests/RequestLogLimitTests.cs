using System.Net.Http.Headers;
using System.Text;
using DytePS.Emulator.Infrastructure;
using DytePS.Emulator.Tests.Support;
using Xunit;

namespace DytePS.Emulator.Tests;

/// <summary>
/// The request log is readable by anyone on the machine, so a failed login leaves no credential
/// material in it, and nobody can make it grow past its bound in bytes.
/// </summary>
public sealed class RequestLogLimitTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Swapped_basic_credentials_put_no_api_key_in_the_request_log()
    {
        var org = await ApiClient.NewOrganizationAsync();
        // The key given as the user name, the organization id as the password.
        var swapped = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{org.ApiKey}:{org.OrganizationId}"));
        var wrongKey = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{org.OrganizationId}:not-{org.ApiKey}"));
        var unknownUser = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("sk_live_0123456789abcdef:whatever"));

        (await org.CallAsync(HttpMethod.Get, "meetings", authorization: swapped)).Expect(401);
        (await org.CallAsync(HttpMethod.Get, "meetings", authorization: wrongKey)).Expect(401);
        (await org.CallAsync(HttpMethod.Get, "meetings", authorization: unknownUser)).Expect(401);

        var everything = (await org.ControlAsync(HttpMethod.Get, "requests")).Expect(200).Text;
        Assert.DoesNotContain(org.ApiKey, everything);
        Assert.DoesNotContain("sk_live_0123456789abcdef", everything);
        // A failed login that names a real organization is still filed under it: an id is not a secret.
        var own = (await org.RequestLogAsync()).Expect(200).Json.EnumerateArray().ToList();
        Assert.Equal(401, Assert.Single(own).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_long_user_name_of_a_failed_login_is_not_kept()
    {
        var org = await ApiClient.NewOrganizationAsync();
        var marker = "U" + Guid.NewGuid().ToString("N");
        var userName = marker + new string('u', 16 * 1024);

        using var request = new HttpRequestMessage(HttpMethod.Get, org.ApiUri("meetings"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":x")));
        using var response = await Http.SendAsync(request);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.DoesNotContain(marker, (await org.ControlAsync(HttpMethod.Get, "requests")).Expect(200).Text);
    }

    [Fact]
    public void The_log_is_bounded_in_bytes_as_well_as_entries()
    {
        var log = new RequestLog();
        var longPath = "/v2/meetings?search=" + new string('q', 8 * 1024);

        for (var i = 0; i < 20_000; i++)
            log.Add(new RequestLogEntry(0, DateTime.UtcNow, "GET", longPath + i, "listMeetings", 200, 1, null));

        var kept = log.Snapshot(null);
        var bytes = kept.Sum(e => 2L * (e.Path.Length + e.Method.Length + (e.Operation?.Length ?? 0) + (e.OrganizationId?.Length ?? 0)));
        // docs/emulator.md: at most 20,000 entries and about 16 MiB of text; long paths are cut to 2,048 characters.
        Assert.InRange(bytes, 1, 16L * 1024 * 1024);
        Assert.All(kept, e => Assert.True(e.Path.Length <= 2048, $"a path of {e.Path.Length} characters"));
        // The newest entries are the ones kept.
        Assert.Equal(20_000, kept[^1].Sequence);
    }
}
