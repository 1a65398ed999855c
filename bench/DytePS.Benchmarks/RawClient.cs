using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace DytePS.Benchmarks;

/// <summary>The baseline: a reused HttpClient and System.Text.Json, written the way a careful C# developer would.</summary>
internal sealed class RawClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly HttpClient _http;

    public RawClient(Uri baseUri, string organizationId, string apiKey)
    {
        _http = new HttpClient { BaseAddress = new Uri(baseUri.AbsoluteUri.TrimEnd('/') + "/") };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{organizationId}:{apiKey}")));
    }

    public async Task<MeetingDto> GetMeetingAsync(Guid id)
    {
        using var response = await _http.GetAsync($"meetings/{id}");
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        return (await JsonSerializer.DeserializeAsync<Envelope<MeetingDto>>(body, Json))!.Data!;
    }

    /// <summary>Every meeting, page by page, calling <paramref name="onItem"/> for each as it arrives.</summary>
    public async Task<int> PageAllAsync(int perPage, Action<MeetingDto> onItem)
    {
        var count = 0;
        for (var page = 1; ; page++)
        {
            using var response = await _http.GetAsync($"meetings?page_no={page}&per_page={perPage}");
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            var envelope = (await JsonSerializer.DeserializeAsync<Envelope<List<MeetingDto>>>(body, Json))!;
            foreach (var meeting in envelope.Data!) onItem(meeting);
            count += envelope.Data!.Count;
            if (envelope.Paging is null || envelope.Paging.EndOffset >= envelope.Paging.TotalCount || envelope.Data.Count == 0) return count;
        }
    }

    public void Dispose() => _http.Dispose();

    internal sealed class Envelope<T>
    {
        public bool Success { get; set; }
        public T? Data { get; set; }
        public PagingDto? Paging { get; set; }
    }

    internal sealed class PagingDto
    {
        public long TotalCount { get; set; }
        public long StartOffset { get; set; }
        public long EndOffset { get; set; }
    }

    internal sealed class MeetingDto
    {
        // Every field the service returns for a meeting, as DytePS reads them, so both sides deserialize the same.
        public Guid Id { get; set; }
        public string? Title { get; set; }
        public string? PreferredRegion { get; set; }
        public bool RecordOnStart { get; set; }
        public bool LiveStreamOnStart { get; set; }
        public string? Status { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }
    }
}
