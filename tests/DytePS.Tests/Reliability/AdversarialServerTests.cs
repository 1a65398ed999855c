using System.Management.Automation;
using System.Text;
using DytePS.Playground;
using DytePS.Testing;
using DytePS.Tests.Reliability.FaultMatrix;
using Xunit;

namespace DytePS.Tests.Reliability;

/// <summary>
/// The cmdlets against misbehaving servers on loopback (issue 14, client items 1-6): every
/// command ends, with the objects it could get and one clear error or warning, and no secret
/// (the API key, its Basic header, a storage secret, a presigned signature) in any stream.
/// </summary>
public sealed class AdversarialServerTests : EngineTest
{
    private const string StorageSecret = "st0rage-S3CRET-value-9f8e7d";
    private const string Signature = "X-Amz-Signature=presigned5ecret";
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    protected override bool ConnectOnStart => false;

    /// <summary>A fake API: <paramref name="answer"/> takes what it wants (returns true), everything else gets an empty list.</summary>
    private static ScriptedServer Api(Func<ScriptedRequest, Stream, CancellationToken, Task<bool>> answer) => new(async (request, stream, token) =>
    {
        if (!await answer(request, stream, token)) await ScriptedServer.WriteAsync(stream, "200 OK", ScriptedServer.EmptyList, token);
    });

    private void ConnectTo(ScriptedServer server, string settings = "") =>
        Run($"Connect-Dyte -BaseUri '{server.ApiBaseUri}' -OrganizationId $DyteTestOrg -ApiKey $DyteTestKey {settings}").ThrowIfFailed();

    private async Task<ShellResult> RunGuarded(string script)
    {
        var result = await FaultScenario.RunWithin(Shell, script, HangGuard);
        AssertNoSecret(result);
        return result;
    }

    private void AssertNoSecret(ShellResult result)
    {
        var text = AllText(result);
        foreach (var secret in new[] { Org.ApiKey, Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Org.Id}:{Org.ApiKey}")), StorageSecret, "presigned5ecret" })
            Assert.DoesNotContain(secret, text);
    }

    private static string Meetings(int from, int count) =>
        string.Join(",", Enumerable.Range(from, count).Select(i => $$"""{"id":"{{new Guid(i, 0, 0, new byte[8])}}","title":"M{{i}}"}"""));

    [Theory]
    [InlineData("Get-DyteMeeting")]
    [InlineData("Invoke-DyteRequest meetings -All")]
    public async Task A_server_that_ignores_page_no_gets_one_page_and_a_clear_error_not_an_endless_listing(string command)
    {
        await using var server = Api(async (request, stream, token) =>
        {
            if (request.Query("per_page") == "1") return false;
            await ScriptedServer.WriteAsync(stream, "200 OK",
                """{"success":true,"data":[""" + Meetings(1, 100) + """],"paging":{"total_count":100000,"start_offset":1,"end_offset":100}}""", token);
            return true;
        });
        ConnectTo(server);

        var result = await RunGuarded(command);

        Assert.Equal(100, result.Output.Count);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("DyteInvalidResponse,", error.FullyQualifiedErrorId);
        Assert.Contains("does not page as documented", error.ErrorDetails.Message);
        Assert.Equal(3, server.Requests.Count); // Connect-Dyte's check, page 1, page 2
    }

    [Fact]
    public async Task An_empty_page_under_a_positive_total_is_a_warning()
    {
        await using var server = Api(async (request, stream, token) =>
        {
            if (request.Query("per_page") == "1") return false;
            await ScriptedServer.WriteAsync(stream, "200 OK", """{"success":true,"data":[],"paging":{"total_count":7}}""", token);
            return true;
        });
        ConnectTo(server);

        var result = await RunGuarded("Get-DyteMeeting");

        Assert.Empty(result.Errors);
        Assert.Contains("0 of the 7 items", Assert.Single(result.Warnings));
    }

    [Fact]
    public async Task A_success_false_answer_is_an_error_for_typed_and_raw_commands()
    {
        await using var server = Api(async (request, stream, token) =>
        {
            if (request.Query("per_page") == "1") return false;
            await ScriptedServer.WriteAsync(stream, "200 OK", """{"success":false,"data":[],"error":{"message":"index rebuilding"}}""", token);
            return true;
        });
        ConnectTo(server);

        var result = await RunGuarded("Get-DyteMeeting; Invoke-DyteRequest meetings");

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Contains("index rebuilding", e.ErrorDetails.Message));
        Assert.All(result.Errors, e => Assert.StartsWith("DyteInvalidResponse,", e.FullyQualifiedErrorId));
    }

    [Fact]
    public async Task A_307_on_Start_DyteRecording_is_an_error_and_the_storage_secret_goes_nowhere_else()
    {
        ScriptedServer? self = null;
        await using var server = self = Api(async (request, stream, token) =>
        {
            if (request.Path != "/v2/recordings") return false;
            await ScriptedServer.WriteAsync(stream, "307 Temporary Redirect", "", token, $"Location: {self!.OtherHostRoot}collect?{Signature}");
            return true;
        });
        ConnectTo(server, "-RetryIntervalSec 0.05");
        Shell.SetVariable("storage", new PSCredential("AKIAEXAMPLE", Secure(StorageSecret)));

        var result = await RunGuarded("$VerbosePreference = 'Continue'; Start-DyteRecording -MeetingId ([guid]::NewGuid()) -StorageType aws -StorageCredential $storage -StorageBucket b");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("DyteRedirected,", error.FullyQualifiedErrorId);
        Assert.Contains($"{server.OtherHostRoot}collect", error.ErrorDetails.Message);
        Assert.Empty(result.Output);
        Assert.Single(server.Requests, r => r.Body.Contains(StorageSecret, StringComparison.Ordinal));
        Assert.DoesNotContain(server.Requests, r => r.Path == "/collect");
    }

    /// <summary>A recording whose download link points at the same server's /file.mp4, which <paramref name="download"/> answers.</summary>
    private static ScriptedServer RecordingHost(Func<Stream, CancellationToken, Task> download)
    {
        ScriptedServer? self = null;
        return self = Api(async (request, stream, token) =>
        {
            if (request.Path.StartsWith("/v2/recordings/", StringComparison.Ordinal))
            {
                await ScriptedServer.WriteAsync(stream, "200 OK",
                    $$$"""{"success":true,"data":{"id":"{{{request.Path[15..]}}}","meeting_id":"{{{Guid.NewGuid()}}}","status":"UPLOADED","output_file_name":"r.mp4","download_url":"{{{self!.Root}}}file.mp4?{{{Signature}}}"}}""", token);
                return true;
            }
            if (request.Path != "/file.mp4") return false;
            await download(stream, token);
            return true;
        });
    }

    [Fact]
    public async Task Stop_ends_Save_DyteRecording_while_an_error_body_trickles()
    {
        // Stop comes once the answer's head is out and its body is trickling, so the cmdlet is
        // reading the error body (a Stop before the head arrives would only cancel the send).
        var reading = new TaskCompletionSource();
        await using var server = RecordingHost(async (stream, token) =>
        {
            await ScriptedServer.WriteHeadAsync(stream, "500 Internal Server Error", 100L * 1024 * 1024, token, "Content-Type: text/plain");
            for (var i = 0; i < 5; i++)
            {
                await stream.WriteAsync(" "u8.ToArray(), token);
                await stream.FlushAsync(token);
                await Task.Delay(100, token);
            }
            reading.TrySetResult();
            await ScriptedServer.TrickleAsync(stream, TimeSpan.FromMilliseconds(100), token);
        });
        ConnectTo(server, "-TimeoutSec 120");
        Shell.SetVariable("folder", Directory.CreateTempSubdirectory("dyteps-stop-").FullName);
        using var ps = Shell.Create($"Save-DyteRecording -RecordingId {Guid.NewGuid()} -Path $folder");

        var running = ps.BeginInvoke();
        await reading.Task.WaitAsync(HangGuard);
        var stopped = Task.Run(ps.Stop);
        if (await Task.WhenAny(stopped, Task.Delay(HangGuard)) != stopped)
        {
            // Ending the trickle lets the stuck pipeline finish, so the failure is reported instead of hanging the run.
            await server.DisposeAsync();
            Assert.Fail($"Stop did not end Save-DyteRecording within {HangGuard.TotalSeconds} s while the error body trickled");
        }

        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));
        Assert.Empty(Directory.GetFiles((string)Shell.Run("$folder").Output[0].BaseObject));
    }

    [Theory]
    [InlineData("an error body that trickles")]
    [InlineData("no answer at all")]
    public async Task Save_DyteRecording_keeps_to_TimeoutSec_whatever_the_download_host_does(string behaviour)
    {
        await using var server = RecordingHost(async (stream, token) =>
        {
            if (behaviour == "no answer at all") { await ScriptedServer.HangAsync(token); return; }
            await ScriptedServer.WriteHeadAsync(stream, "500 Internal Server Error", 100L * 1024 * 1024, token, "Content-Type: text/plain");
            await ScriptedServer.TrickleAsync(stream, TimeSpan.FromMilliseconds(100), token);
        });
        ConnectTo(server, "-TimeoutSec 1");
        Shell.SetVariable("folder", Directory.CreateTempSubdirectory("dyteps-timeout-").FullName);

        var result = await RunGuarded($"Save-DyteRecording -RecordingId {Guid.NewGuid()} -Path $folder");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith(behaviour == "no answer at all" ? "DyteTimeout," : "DyteServerError,", error.FullyQualifiedErrorId);
        Assert.Contains("/file.mp4", error.ErrorDetails.Message);
    }

    [Fact]
    public async Task An_answer_past_MaximumResponseSizeMB_fails_clearly()
    {
        await using var server = Api(async (request, stream, token) =>
        {
            if (request.Query("per_page") == "1") return false;
            await ScriptedServer.WriteAsync(stream, "200 OK", new string(' ', 2 * 1024 * 1024) + ScriptedServer.EmptyList, token);
            return true;
        });
        ConnectTo(server, "-MaximumResponseSizeMB 1");

        var error = Assert.Single((await RunGuarded("Get-DyteMeeting")).Errors);

        Assert.StartsWith("DyteResponseTooLarge,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
        Assert.Contains("more than 1 MB", error.ErrorDetails.Message);
    }

    [Fact]
    public async Task A_create_whose_answer_broke_off_says_the_object_may_exist()
    {
        await using var server = Api(async (request, stream, token) =>
        {
            if (request.Method != "POST") return false;
            await ScriptedServer.WriteHeadAsync(stream, "201 Created", 1000, token, "Content-Type: application/json");
            await stream.WriteAsync("""{"success":true,"""u8.ToArray(), token);
            return true;
        });
        ConnectTo(server, "-RetryIntervalSec 0.05");

        var error = Assert.Single((await RunGuarded("New-DyteMeeting -Title Lost")).Errors);

        Assert.StartsWith("DyteConnectionFailed,", error.FullyQualifiedErrorId);
        Assert.Contains("may have been created", error.ErrorDetails.Message);
        Assert.Single(server.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task After_a_Retry_After_beyond_the_budget_the_next_command_goes_out_at_once()
    {
        Run("Connect-Dyte -BaseUri $DyteTestUri -OrganizationId $DyteTestOrg -ApiKey $DyteTestKey -MaximumRetryWaitSec 5").ThrowIfFailed();
        var meeting = Run("New-DyteMeeting -Title Frozen").ThrowIfFailed().Output[0];
        Shell.SetVariable("m", meeting);
        await Org.AddFaultAsync(new { operation = "getMeeting", kind = "status", status = 429, retry_after = "3600", count = 1 });

        var first = await RunGuarded("Get-DyteMeeting -MeetingId $m.Id");
        var second = await RunGuarded("Get-DyteMeeting -MeetingId $m.Id");

        Assert.StartsWith("DyteRateLimited,", Assert.Single(first.Errors).FullyQualifiedErrorId);
        Assert.Empty(second.Errors);
        Assert.Single(second.Output);
    }
}
