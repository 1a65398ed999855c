using System;

namespace DytePS.Client
{
    /// <summary>Which slice of a list to fetch, in items: skip <see cref="Skip"/>, then take <see cref="First"/> (all when null).</summary>
    public sealed class PageRequest
    {
        public const int DefaultPageSize = 100;
        public const int MaxPageSize = 1000;

        public PageRequest(int pageSize = DefaultPageSize, long skip = 0, long? first = null)
        {
            if (pageSize < 1 || pageSize > MaxPageSize)
                throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, $"The page size must be between 1 and {MaxPageSize}.");
            if (skip < 0) throw new ArgumentOutOfRangeException(nameof(skip), skip, "Skip must not be negative.");
            if (first < 0) throw new ArgumentOutOfRangeException(nameof(first), first, "First must not be negative.");
            PageSize = pageSize;
            Skip = skip;
            First = first;
        }

        public static PageRequest All { get; } = new PageRequest();

        public int PageSize { get; }
        public long Skip { get; }
        public long? First { get; }
    }

    /// <summary>One page as it arrived, already trimmed to the requested slice.</summary>
    public sealed class DytePage<T>
    {
        public DytePage(int pageNumber, System.Collections.Generic.IReadOnlyList<T> items, long? totalCount)
        {
            PageNumber = pageNumber;
            Items = items;
            TotalCount = totalCount;
        }

        /// <summary>The 1-based page_no this page was requested with.</summary>
        public int PageNumber { get; }

        public System.Collections.Generic.IReadOnlyList<T> Items { get; }

        /// <summary>paging.total_count, or null when the service did not page this list.</summary>
        public long? TotalCount { get; }
    }
}
