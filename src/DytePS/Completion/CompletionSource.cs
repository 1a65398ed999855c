using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using DytePS.Client;

namespace DytePS.Completion
{
    /// <summary>
    /// What the argument completers share: the connection the command line would use, a short
    /// deadline, a brief cache per connection, and silence on failure, because tab completion
    /// must never hang, print errors or hammer the service.
    /// </summary>
    internal static class CompletionSource
    {
        public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);
        public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

        private static readonly ConditionalWeakTable<DyteClient, Dictionary<string, CachedValues>> Caches =
            new ConditionalWeakTable<DyteClient, Dictionary<string, CachedValues>>();

        /// <summary>The client of -Connection on the command line, else the session's (or the environment's) connection; null when none.</summary>
        public static DyteClient? Client(IDictionary? fakeBoundParameters)
        {
            var bound = fakeBoundParameters?["Connection"];
            if ((bound is PSObject wrapped ? wrapped.BaseObject : bound) is DyteConnection connection) return connection.Client;
            if (SessionConnection.Current is DyteConnection current) return current.Client;
            try
            {
                return ConnectionFactory.FromEnvironment()?.Client;
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        /// <summary>
        /// The values under <paramref name="key"/> for this client, fetched at most every
        /// <see cref="CacheFor"/>; an empty list when there is no client or the fetch fails or is slow.
        /// </summary>
        public static IReadOnlyList<T> Get<T>(DyteClient? client, string key, Func<DyteClient, CancellationToken, Task<List<T>>> fetch)
        {
            if (client is null) return Array.Empty<T>();
            var cache = Caches.GetOrCreateValue(client);
            lock (cache)
            {
                if (cache.TryGetValue(key, out var cached) && cached.Expires > DateTime.UtcNow) return (List<T>)cached.Values;
            }
            List<T> values;
            try
            {
                using var deadline = new CancellationTokenSource(Deadline);
                values = Task.Run(() => fetch(client, deadline.Token)).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is DyteException || e is OperationCanceledException)
            {
                return Array.Empty<T>();
            }
            lock (cache) cache[key] = new CachedValues(values, DateTime.UtcNow + CacheFor);
            return values;
        }

        /// <summary>Single-quotes a value when the command line needs it.</summary>
        public static string Quote(string value) =>
            value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', '(', ')', '{', '}', ';', ',', '&', '|', '@', '#' }) >= 0
                ? "'" + value.Replace("'", "''") + "'"
                : value;

        /// <summary>The word typed so far, without the quote the user may have opened.</summary>
        public static string Unquote(string? word) => (word ?? string.Empty).Trim('\'', '"');

        private sealed class CachedValues
        {
            public CachedValues(IList values, DateTime expires)
            {
                Values = values;
                Expires = expires;
            }

            public IList Values { get; }
            public DateTime Expires { get; }
        }
    }
}
