using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace DytePS.Client
{
    /// <summary>
    /// The one paging loop. It requests <c>page_no</c>/<c>per_page</c> pages one at a time and
    /// yields each as it arrives, so nothing is buffered beyond one page and no further page is
    /// requested once the consumer stops enumerating.
    /// </summary>
    internal static class Pager
    {
        public static async IAsyncEnumerable<DytePage<T>> PagesAsync<T>(
            Func<DyteRequest> newRequest,
            Func<DyteRequest, CancellationToken, Task<ApiEnvelope<List<T>>>> fetch,
            PageRequest slice,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var remaining = slice.First ?? long.MaxValue;
            // Small slices from the start need no bigger pages than the slice itself.
            var size = slice.Skip == 0 && slice.First.HasValue
                ? (int)Math.Max(1, Math.Min(slice.PageSize, slice.First.Value))
                : slice.PageSize;
            var pageNumber = slice.Skip / size + 1;
            var offset = (int)(slice.Skip % size);
            string? previousFirstItem = null;

            while (true)
            {
                var request = newRequest().WithQuery("page_no", pageNumber).WithQuery("per_page", size);
                var envelope = await fetch(request, cancellationToken).ConfigureAwait(false);
                var data = envelope.Data ?? new List<T>();
                var paging = envelope.Paging;

                // Without a paging block we cannot tell a last page from a server that ignores
                // page_no; a page that repeats the previous one means the latter, so stop.
                string? firstItem = null;
                if (paging is null && data.Count > 0)
                {
                    firstItem = JsonSerializer.Serialize(data[0], DyteJson.Options);
                    if (firstItem == previousFirstItem) yield break;
                }

                var items = Slice(data, offset, remaining);
                yield return new DytePage<T>(checked((int)pageNumber), items, paging?.TotalCount);

                remaining -= items.Count;
                if (remaining <= 0 || data.Count == 0) yield break;
                if (paging != null)
                {
                    if (paging.EndOffset <= 0 || paging.EndOffset >= paging.TotalCount) yield break;
                }
                else if (data.Count < size)
                {
                    yield break;
                }

                previousFirstItem = firstItem;
                pageNumber++;
                offset = 0;
            }
        }

        private static IReadOnlyList<T> Slice<T>(List<T> data, int offset, long remaining)
        {
            if (offset == 0 && remaining >= data.Count) return data;
            if (offset >= data.Count) return Array.Empty<T>();
            var count = (int)Math.Min(data.Count - offset, remaining);
            return data.GetRange(offset, count);
        }
    }
}
