namespace DytePS.Emulator.Infrastructure;

/// <summary>page_no and per_page as the document defines them (1-based; defaults 1 and 20).</summary>
public readonly record struct PageQuery(int PageNo, int PerPage)
{
    public const int DefaultPerPage = 20;

    /// <summary>
    /// The largest page the emulator serves. The service documents no maximum; this is the module's
    /// own (PageRequest.MaxPageSize), so every page DytePS asks for is served and nothing larger.
    /// </summary>
    public const int MaxPerPage = 1000;

    /// <summary>Reads the query, answering 400 for values that are not positive integers or are too large.</summary>
    public static PageQuery From(HttpRequest request) =>
        new(ReadPositive(request, "page_no", 1, int.MaxValue), ReadPositive(request, "per_page", DefaultPerPage, MaxPerPage));

    private static int ReadPositive(HttpRequest request, string name, int fallback, int max)
    {
        var text = request.Query[name].ToString();
        if (string.IsNullOrEmpty(text)) return fallback;
        if (!text.All(char.IsAsciiDigit)) throw ApiProblem.BadRequest($"'{name}' must be a positive integer.");
        // All digits: too many of them is "too large", not "not positive".
        var digits = text.TrimStart('0');
        if (digits.Length == 0) throw ApiProblem.BadRequest($"'{name}' must be a positive integer.");
        if (digits.Length > 10 || long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) > max)
            throw ApiProblem.BadRequest($"'{name}' must be at most {max}.");
        return int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Cuts one page out of a snapshot, with the paging block (1-based, inclusive offsets).</summary>
    public PageSlice<T> Apply<T>(IReadOnlyList<T> all)
    {
        var start = (long)(PageNo - 1) * PerPage;
        var items = start >= all.Count
            ? new List<T>()
            : all.Skip((int)start).Take(PerPage).ToList();
        var paging = items.Count == 0
            ? new PagingBlock(all.Count, 0, 0)
            : new PagingBlock(all.Count, start + 1, start + items.Count);
        return new PageSlice<T>(items, paging);
    }
}

public sealed record PagingBlock(long TotalCount, long StartOffset, long EndOffset);

public sealed record PageSlice<T>(List<T> Items, PagingBlock Paging)
{
    /// <summary>The same page with each item projected (to a snapshot taken under the organization's lock).</summary>
    public PageSlice<TOut> Select<TOut>(Func<T, TOut> project) => new(Items.Select(project).ToList(), Paging);
}
