using System;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace DytePS.Client
{
    /// <summary>
    /// What every request of one client passes before it is sent, so parallel requests
    /// (-ThrottleLimit, several runspaces on one connection) share one view of the service's limit:
    /// - after a 429 the whole client pauses for the Retry-After, not just the request that got it;
    /// - optionally, a requests-per-minute budget (a token bucket) keeps it under the limit at all.
    /// </summary>
    internal sealed class RequestGate : IDisposable
    {
        /// <summary>Pause after a 429 that named no Retry-After.</summary>
        private static readonly TimeSpan DefaultPause = TimeSpan.FromSeconds(1);

        private readonly TokenBucketRateLimiter? _budget;
        private long _pausedUntilUtcTicks;

        /// <param name="requestsPerMinute">Null for no budget of our own.</param>
        public RequestGate(int? requestsPerMinute)
        {
            if (requestsPerMinute is null) return;
            // Tokens come back a few at a time (one every 60/n s, or every 100 ms for big budgets) so
            // the budget is spread over the minute instead of spent in a burst; the bucket holds at
            // most a second's worth (at least one).
            var period = TimeSpan.FromMilliseconds(Math.Max(100, 60_000.0 / requestsPerMinute.Value));
            _budget = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, requestsPerMinute.Value / 60),
                TokensPerPeriod = Math.Max(1, (int)Math.Round(requestsPerMinute.Value * period.TotalMinutes)),
                ReplenishmentPeriod = period,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }

        /// <summary>Waits for a pause after a 429 to end, then for a token of the budget.</summary>
        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            var pause = new DateTime(Interlocked.Read(ref _pausedUntilUtcTicks), DateTimeKind.Utc) - DateTime.UtcNow;
            if (pause > TimeSpan.Zero) await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            if (_budget is null) return;
            using var lease = await _budget.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The service said 429: hold every request of this client back for a while.</summary>
        public void Pause(TimeSpan? retryAfter)
        {
            var until = (DateTime.UtcNow + (retryAfter ?? DefaultPause)).Ticks;
            long current;
            do
            {
                current = Interlocked.Read(ref _pausedUntilUtcTicks);
                if (current >= until) return;
            }
            while (Interlocked.CompareExchange(ref _pausedUntilUtcTicks, until, current) != current);
        }

        public void Dispose() => _budget?.Dispose();
    }
}
