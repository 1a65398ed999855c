using Xunit;

namespace DytePS.Client.Tests;

/// <summary>The paging loop's decisions, fed with envelopes the way the service shapes them.</summary>
public sealed class PagerTests
{
    private readonly List<string> _requests = [];

    private Func<DyteRequest, CancellationToken, Task<ApiEnvelope<List<int>>>> Server(int total, bool withPaging, bool honoursPageNo = true) =>
        (request, _) =>
        {
            _requests.Add(request.DisplayPath());
            var pageNo = honoursPageNo ? int.Parse(request.Query.Single(q => q.Key == "page_no").Value) : 1;
            var perPage = int.Parse(request.Query.Single(q => q.Key == "per_page").Value);
            var items = Enumerable.Range(1, total).Skip((pageNo - 1) * perPage).Take(perPage).ToList();
            var paging = withPaging
                ? new Paging { TotalCount = total, StartOffset = items.Count == 0 ? 0 : (pageNo - 1) * perPage + 1, EndOffset = items.Count == 0 ? 0 : (pageNo - 1) * perPage + items.Count }
                : null;
            return Task.FromResult(new ApiEnvelope<List<int>> { Success = true, Data = items, Paging = paging });
        };

    private async Task<List<int>> All(PageRequest slice, int total, bool withPaging = true, bool honoursPageNo = true)
    {
        var items = new List<int>();
        await foreach (var page in Pager.PagesAsync(() => new DyteRequest("GET", "things"), Server(total, withPaging, honoursPageNo), slice, CancellationToken.None))
            items.AddRange(page.Items);
        return items;
    }

    [Fact]
    public async Task Stops_at_the_last_page_the_paging_block_announces()
    {
        Assert.Equal(Enumerable.Range(1, 250), await All(new PageRequest(100), 250));
        Assert.Equal(3, _requests.Count);
    }

    [Fact]
    public async Task An_exact_multiple_needs_no_empty_extra_page()
    {
        Assert.Equal(200, (await All(new PageRequest(100), 200)).Count);
        Assert.Equal(2, _requests.Count);
    }

    [Fact]
    public async Task Skip_and_first_cut_the_right_slice()
    {
        Assert.Equal(Enumerable.Range(151, 10), await All(new PageRequest(100, skip: 150, first: 10), 250));
        Assert.Equal(["/things?page_no=2&per_page=100"], _requests);
    }

    [Fact]
    public async Task First_across_a_page_boundary_fetches_both_pages()
    {
        Assert.Equal(Enumerable.Range(96, 10), await All(new PageRequest(100, skip: 95, first: 10), 250));
        Assert.Equal(2, _requests.Count);
    }

    [Fact]
    public async Task Without_a_paging_block_a_short_page_is_the_last()
    {
        Assert.Equal(Enumerable.Range(1, 130), await All(new PageRequest(100), 130, withPaging: false));
        Assert.Equal(2, _requests.Count);
    }

    [Fact]
    public async Task A_server_that_ignores_page_no_is_read_once_not_forever()
    {
        Assert.Equal(Enumerable.Range(1, 100), await All(new PageRequest(100), 100, withPaging: false, honoursPageNo: false));
        Assert.Equal(2, _requests.Count);
    }

    [Fact]
    public async Task Skip_beyond_the_end_yields_nothing_after_one_request()
    {
        Assert.Empty(await All(new PageRequest(100, skip: 1000), 250));
        Assert.Single(_requests);
    }

    [Fact]
    public async Task No_page_is_requested_before_the_consumer_asks_or_after_it_stops()
    {
        var pages = Pager.PagesAsync(() => new DyteRequest("GET", "things"), Server(1000, true), new PageRequest(100), CancellationToken.None);
        await using var enumerator = pages.GetAsyncEnumerator();
        Assert.Empty(_requests);

        Assert.True(await enumerator.MoveNextAsync());
        Assert.True(await enumerator.MoveNextAsync());

        Assert.Equal(2, _requests.Count);
    }
}
