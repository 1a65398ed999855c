using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace DytePS.Client
{
    /// <summary>
    /// The one paging loop (typed lists and Invoke-DyteRequest -All alike). It requests
    /// <c>page_no</c>/<c>per_page</c> pages one at a time and yields each as it arrives, so nothing
    /// is buffered beyond one page and no further page is requested once the consumer stops.
    /// </summary>
    /// <remarks>
    /// A listing always ends, and never silently short:
    /// <list type="bullet">
    /// <item>It ends after the item the service's <c>total_count</c> names last, or, without a
    /// paging block, after a page shorter than <c>per_page</c>.</item>
    /// <item>A page that repeats the previous one, or whose <c>start_offset</c> is not the one
    /// asked for, means the service does not page as documented: an error (InvalidResponse) after
    /// the items already written. Without a paging block a repeat is simply the end: such a list
    /// is not paged and came whole.</item>
    /// <item>A first page shorter than <c>per_page</c> while <c>total_count</c> says more is a
    /// service that caps the page size without saying so: paging goes on at its size.</item>
    /// <item>An empty page before the total, or a short page later on, is a warning (the list may
    /// have changed while it was read).</item>
    /// </list>
    /// </remarks>
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
            var resized = false;
            Fingerprint? previous = null;

            while (true)
            {
                var request = newRequest().WithQuery("page_no", pageNumber).WithQuery("per_page", size);
                var envelope = await fetch(request, cancellationToken).ConfigureAwait(false);
                var data = envelope.Data ?? new List<T>();
                var paging = envelope.Paging;
                // A total of 0 beside items says nothing: read such a block as no total at all.
                long? total = paging != null && (paging.TotalCount > 0 || data.Count == 0) ? paging.TotalCount : (long?)null;
                var before = (pageNumber - 1) * size;

                var fingerprint = Fingerprint.Of(data);
                if (fingerprint != null && fingerprint.Equals(previous))
                {
                    if (paging is null) yield break;
                    throw NotPaging(request, $"the same items as page {pageNumber - 1}", before, total);
                }
                if (paging != null && paging.StartOffset > 0 && data.Count > 0 && paging.StartOffset != before + 1)
                    throw NotPaging(request, $"items {paging.StartOffset} to {paging.EndOffset} instead of the items from {before + 1} on", before, total);

                var items = Slice(data, offset, remaining);
                yield return new DytePage<T>(checked((int)pageNumber), items, paging?.TotalCount);

                remaining -= items.Count;
                if (remaining <= 0) yield break;
                if (data.Count == 0)
                {
                    if (total > before)
                        Warn($"{request.Describe()}: page {pageNumber} came back empty although the service counts {total} items; the listing ends with {before} of the {total} items (the list may have changed while it was read).");
                    yield break;
                }
                if (total.HasValue)
                {
                    if (before + data.Count >= total.Value) yield break;
                    if (data.Count < size)
                    {
                        if (pageNumber == 1 && !resized)
                        {
                            // The service serves fewer than per_page without saying so: go on at its size.
                            size = data.Count;
                            resized = true;
                        }
                        else
                        {
                            Warn($"{request.Describe()}: page {pageNumber} held {data.Count} items, not {size}, before the service's total of {total} was reached; items may be missing from the listing (the list may have changed while it was read).");
                        }
                    }
                }
                else if (data.Count < size)
                {
                    yield break;
                }

                previous = fingerprint;
                pageNumber++;
                offset = 0;
            }
        }

        private static DyteException NotPaging(DyteRequest request, string what, long listed, long? total) =>
            new DyteException(DyteErrorKind.InvalidResponse, request.Method, request.DisplayPath(), 200,
                $"the service answered with {what}, so it does not page as documented; the listing stops after {listed} of {(total.HasValue ? total.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "an unknown number of")} items");

        private static void Warn(string message) => DyteClientListenerScope.Listener?.Warning(message);

        private static IReadOnlyList<T> Slice<T>(List<T> data, int offset, long remaining)
        {
            if (offset == 0 && remaining >= data.Count) return data;
            if (offset >= data.Count) return Array.Empty<T>();
            var count = (int)Math.Min(data.Count - offset, remaining);
            return data.GetRange(offset, count);
        }

        /// <summary>What tells a page from the previous one cheaply: its length and its first and last items.</summary>
        private sealed class Fingerprint : IEquatable<Fingerprint>
        {
            private readonly int _count;
            private readonly string _first;
            private readonly string _last;

            private Fingerprint(int count, string first, string last)
            {
                _count = count;
                _first = first;
                _last = last;
            }

            public static Fingerprint? Of<T>(List<T> data) =>
                data.Count == 0 ? null : new Fingerprint(data.Count,
                    JsonSerializer.Serialize(data[0], DyteJson.Options),
                    JsonSerializer.Serialize(data[data.Count - 1], DyteJson.Options));

            public bool Equals(Fingerprint? other) =>
                other != null && _count == other._count && _first == other._first && _last == other._last;

            public override bool Equals(object? obj) => Equals(obj as Fingerprint);

            public override int GetHashCode() => _count ^ _first.GetHashCode();
        }
    }
}
