using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace DytePS.Client
{
    public static class PageExtensions
    {
        /// <summary>Converts every item as its page passes by, keeping the pages' numbers and totals.</summary>
        public static async IAsyncEnumerable<DytePage<TResult>> Map<T, TResult>(
            this IAsyncEnumerable<DytePage<T>> pages, Func<T, TResult> convert, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var items = new TResult[page.Items.Count];
                for (var i = 0; i < items.Length; i++) items[i] = convert(page.Items[i]);
                yield return new DytePage<TResult>(page.PageNumber, items, page.TotalCount);
            }
        }

        /// <summary>Runs <paramref name="fill"/> on every item as its page passes by (to add ids the API leaves out).</summary>
        internal static async IAsyncEnumerable<DytePage<T>> WithEach<T>(
            this IAsyncEnumerable<DytePage<T>> pages, Action<T> fill, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                foreach (var item in page.Items) fill(item);
                yield return page;
            }
        }
    }
}
