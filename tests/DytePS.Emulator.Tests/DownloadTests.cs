using System.Net.Http.Headers;
using DytePS.Emulator.Tests.Support;
using Xunit;

namespace DytePS.Emulator.Tests;

/// <summary>The recording files behind download_url.</summary>
public sealed class DownloadTests : ApiTest
{
    [Fact]
    public async Task An_uploaded_recording_downloads_as_deterministic_mp4_bytes()
    {
        var url = await UploadedRecordingUrlAsync();

        var (reply, bytes) = await ApiClient.DownloadAsync(url);
        var (_, again) = await ApiClient.DownloadAsync(url);
        var (_, other) = await ApiClient.DownloadAsync(await UploadedRecordingUrlAsync());

        reply.Expect(200);
        Assert.Equal("video/mp4", reply.ContentHeaders.ContentType!.MediaType);
        Assert.Equal(256 * 1024, reply.ContentHeaders.ContentLength);
        Assert.Equal(256 * 1024, bytes.Length);
        Assert.Equal(bytes, again);
        Assert.NotEqual(bytes, other);
        Assert.True(bytes.Distinct().Count() > 200, "the bytes look random");
    }

    [Fact]
    public async Task A_range_request_answers_206_with_that_slice()
    {
        var url = await UploadedRecordingUrlAsync();
        var (_, whole) = await ApiClient.DownloadAsync(url);

        var (reply, slice) = await ApiClient.DownloadAsync(url, new RangeHeaderValue(1000, 1999));
        var (tailReply, tail) = await ApiClient.DownloadAsync(url, new RangeHeaderValue(null, 10));

        reply.Expect(206);
        Assert.Equal(1000, reply.ContentHeaders.ContentLength);
        Assert.Equal("bytes 1000-1999/262144", reply.ContentHeaders.ContentRange!.ToString());
        Assert.Equal(whole[1000..2000], slice);
        tailReply.Expect(206);
        Assert.Equal(whole[^10..], tail);
    }

    [Fact]
    public async Task Head_answers_the_length_without_a_body()
    {
        var url = await UploadedRecordingUrlAsync();

        var (reply, bytes) = await ApiClient.DownloadAsync(url, method: HttpMethod.Head);

        reply.Expect(200);
        Assert.Equal(256 * 1024, reply.ContentHeaders.ContentLength);
        Assert.Empty(bytes);
    }

    [Fact]
    public async Task There_is_no_file_before_the_upload_and_none_under_another_name()
    {
        var meeting = await Org.CreateMeetingAsync();
        var recording = await Org.StartRecordingAsync(meeting);
        var id = Id(recording);
        var url = $"{Org.Emulator.ControlUri}downloads/{Org.OrganizationId}/{id}/{id}.mp4";

        (await ApiClient.DownloadAsync(url)).Reply.ExpectError(404, "Recording is");
        var uploaded = await UploadedRecordingUrlAsync();
        (await ApiClient.DownloadAsync(uploaded.Replace(".mp4", ".mkv"))).Reply.ExpectError(404, "Recording file not found");
        (await ApiClient.DownloadAsync($"{Org.Emulator.ControlUri}downloads/{Guid.NewGuid()}/{id}/{id}.mp4")).Reply.ExpectError(404, "Organization not found");
        (await ApiClient.DownloadAsync($"{Org.Emulator.ControlUri}downloads/{Org.OrganizationId}/{Guid.NewGuid()}/x.mp4")).Reply.ExpectError(404, "Recording file not found");
    }

    [Fact]
    public async Task The_file_name_prefix_is_part_of_the_url()
    {
        var meeting = await Org.CreateMeetingAsync();
        var id = Id(await Org.StartRecordingAsync(meeting, new { meeting_id = meeting, file_name_prefix = "all hands" }));
        (await Org.PutAsync($"recordings/{id}", new { action = "stop" })).Expect(200);
        var url = Str((await Org.GetAsync($"recordings/{id}")).Expect(200).Data, "download_url");

        Assert.EndsWith($"/all%20hands_{id}.mp4", url);
        (await ApiClient.DownloadAsync(url)).Reply.Expect(200);
    }

    [Fact]
    public async Task The_file_size_follows_the_emulator_option()
    {
        await using var emulator = await DyteEmulator.StartAsync(new EmulatorOptions { Port = 0, RecordingFileSize = 1000, LifecycleDelay = TimeSpan.Zero });
        var org = await ApiClient.NewOrganizationAsync(lifecycleDelayMs: null, emulator);
        var meeting = await org.CreateMeetingAsync();
        var id = Id(await org.StartRecordingAsync(meeting));
        (await org.PutAsync($"recordings/{id}", new { action = "stop" })).Expect(200);
        var recording = (await org.GetAsync($"recordings/{id}")).Expect(200).Data;

        var (reply, bytes) = await ApiClient.DownloadAsync(Str(recording, "download_url"));

        Assert.Equal(1000, recording.GetProperty("file_size").GetInt64());
        Assert.Equal(1000, reply.Expect(200).ContentHeaders.ContentLength);
        Assert.Equal(1000, bytes.Length);
    }

    private async Task<string> UploadedRecordingUrlAsync()
    {
        var meeting = await Org.CreateMeetingAsync();
        var id = Id(await Org.StartRecordingAsync(meeting));
        (await Org.PutAsync($"recordings/{id}", new { action = "stop" })).Expect(200);
        var uploaded = (await Org.GetAsync($"recordings/{id}")).Expect(200).Data;
        Assert.Equal("UPLOADED", Str(uploaded, "status"));
        return Str(uploaded, "download_url");
    }
}
