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

/// <summary>
/// Servers that page wrongly (issue 14, item 1): the listing ends with a clear error when a page
/// repeats or the offsets stop advancing, pages on correctly when it can, and warns when the
/// result comes out shorter than the service's own total. Never forever, never silently short.
/// </summary>
public sealed class AdversarialPagerTests
{
    private const int Runaway = 50;
    private readonly List<DyteRequest> _requests = [];

    /// <summary>A fake service: <paramref name="page"/> answers (page_no, per_page); it fails the test instead of looping forever.</summary>
    private Func<DyteRequest, CancellationToken, Task<ApiEnvelope<List<int>>>> Server(Func<int, int, (List<int> Items, Paging? Paging)> page) =>
        (request, _) =>
        {
            _requests.Add(request);
            if (_requests.Count > Runaway) throw new InvalidOperationException($"the pager asked for {Runaway} pages: it never stops");
            var (items, paging) = page(int.Parse(request.Query.Single(q => q.Key == "page_no").Value), int.Parse(request.Query.Single(q => q.Key == "per_page").Value));
            return Task.FromResult(new ApiEnvelope<List<int>> { Success = true, Data = items, Paging = paging });
        };

    private async Task<(List<int> Items, DyteException? Error, RecordingListener Listener)> List(
        Func<int, int, (List<int>, Paging?)> page, PageRequest? slice = null)
    {
        var listener = new RecordingListener();
        var items = new List<int>();
        using (DyteClientListenerScope.Begin(listener))
        {
            try
            {
                await foreach (var p in Pager.PagesAsync(() => new DyteRequest("GET", "meetings"), Server(page), slice ?? new PageRequest(100), CancellationToken.None))
                    items.AddRange(p.Items);
            }
            catch (DyteException e)
            {
                return (items, e, listener);
            }
        }
        return (items, null, listener);
    }

    private static List<int> Range(int from, int count) => Enumerable.Range(from, Math.Max(0, count)).ToList();

    [Fact]
    public async Task A_server_that_ignores_page_no_behind_a_paging_block_fails_after_the_first_page()
    {
        var (items, error, _) = await List((_, _) => (Range(1, 100), new Paging { TotalCount = 100000, StartOffset = 1, EndOffset = 100 }));

        Assert.Equal(Range(1, 100), items);
        Assert.NotNull(error);
        Assert.Equal(DyteErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("page_no=2", error.Message);
        Assert.Contains("100 of 100000", error.Message);
        Assert.Equal(2, _requests.Count);
    }

    [Fact]
    public async Task A_repeated_page_without_offsets_is_an_error_not_a_loop()
    {
        var (items, error, _) = await List((_, _) => (Range(1, 100), new Paging { TotalCount = 100000 }));

        Assert.Equal(Range(1, 100), items);
        Assert.NotNull(error);
        Assert.Contains("same items as page 1", error.Message);
        Assert.Equal(2, _requests.Count);
    }

    [Fact]
    public async Task A_paging_block_with_only_total_count_pages_to_the_total()
    {
        var (items, error, listener) = await List((no, size) => (Range((no - 1) * size + 1, Math.Min(size, 250 - (no - 1) * size)), new Paging { TotalCount = 250 }));

        Assert.Null(error);
        Assert.Equal(Range(1, 250), items);
        Assert.Equal(3, _requests.Count);
        Assert.Empty(listener.Warnings);
    }

    [Fact]
    public async Task A_server_that_caps_per_page_without_saying_so_is_paged_at_its_own_size()
    {
        // Asked for 1000 a page, it serves 100 and numbers its pages in hundreds; it sends no offsets.
        var (items, error, listener) = await List((no, _) => (Range((no - 1) * 100 + 1, Math.Min(100, 250 - (no - 1) * 100)), new Paging { TotalCount = 250 }),
            new PageRequest(1000));

        Assert.Null(error);
        Assert.Equal(Range(1, 250), items);
        Assert.Equal(["1000", "100", "100"], _requests.Select(r => r.Query.Single(q => q.Key == "per_page").Value));
        Assert.Empty(listener.Warnings);
    }

    [Fact]
    public async Task An_empty_page_while_the_total_says_more_is_a_warning_not_a_silent_end()
    {
        var (items, error, listener) = await List((_, _) => ([], new Paging { TotalCount = 5 }));

        Assert.Null(error);
        Assert.Empty(items);
        var warning = Assert.Single(listener.Warnings);
        Assert.Contains("0 of the 5 items", warning);
        Assert.Contains("GET /meetings", warning);
    }

    [Fact]
    public async Task A_short_page_in_the_middle_is_a_warning_and_paging_goes_on()
    {
        // Page 2 comes back with 60 of 100 items, the rest still follows.
        var (items, error, listener) = await List((no, size) => no switch
        {
            1 => (Range(1, 100), new Paging { TotalCount = 300, StartOffset = 1, EndOffset = 100 }),
            2 => (Range(101, 60), new Paging { TotalCount = 300, StartOffset = 101, EndOffset = 160 }),
            _ => (Range(201, 100), new Paging { TotalCount = 300, StartOffset = 201, EndOffset = 300 }),
        });

        Assert.Null(error);
        Assert.Equal(260, items.Count);
        Assert.Contains("page 2", Assert.Single(listener.Warnings));
    }
}
