using System;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace DytePS.Client
{
    /// <summary>
    /// What every request of one client passes before it is sent, so parallel requests
    /// (-ThrottleLimit, several runspaces on one connection) share one view of the service's limit:
    /// - after a 429 the whole client pauses as long as the call that got it waits before its retry
    ///   (the Retry-After, within the wait budget; <see cref="RetryPipeline"/> sets it), and no
    ///   longer: a call that gives up or is cancelled leaves no pause behind;
    /// - optionally, a requests-per-minute budget (a token bucket) keeps it under the limit at all.
    /// </summary>
    internal sealed class RequestGate : IDisposable
    {
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

        /// <summary>Waits that announce themselves as warnings (the same threshold as retries' warnings).</summary>
        public static readonly TimeSpan LongWait = TimeSpan.FromSeconds(10);

        /// <summary>Waits for a pause after a 429 to end, then for a token of the budget.</summary>
        public async Task WaitAsync(DyteRequest request, CancellationToken cancellationToken)
        {
            var pause = new DateTime(Interlocked.Read(ref _pausedUntilUtcTicks), DateTimeKind.Utc) - DateTime.UtcNow;
            if (pause > TimeSpan.Zero)
            {
                if (pause >= LongWait)
                    DyteClientListenerScope.Listener?.Warning(
                        $"{request.Describe()} waits {pause.TotalSeconds:0.0} s: the service asked this connection to slow down (HTTP 429)");
                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            }
            if (_budget is null) return;
            using var lease = await _budget.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// The service said 429 and a call is about to wait <paramref name="wait"/> (at most its
        /// wait budget) before trying again: hold every request of this client back as long.
        /// Returns the pause's end, for <see cref="Release"/>; 0 when a longer pause was already set.
        /// </summary>
        public long Pause(TimeSpan wait)
        {
            if (wait <= TimeSpan.Zero) return 0;
            if (wait > RetryAfterHeader.Longest) wait = RetryAfterHeader.Longest;
            var until = (DateTime.UtcNow + wait).Ticks;
            long current;
            do
            {
                current = Interlocked.Read(ref _pausedUntilUtcTicks);
                if (current >= until) return 0;
            }
            while (Interlocked.CompareExchange(ref _pausedUntilUtcTicks, until, current) != current);
            return until;
        }

        /// <summary>
        /// The call that set the pause ending <paramref name="until"/> stopped waiting (Ctrl+C):
        /// lift the pause unless another call has set a longer one since, so nobody waits out a
        /// wait its owner abandoned.
        /// </summary>
        public void Release(long until)
        {
            if (until != 0) Interlocked.CompareExchange(ref _pausedUntilUtcTicks, 0, until);
        }

        public void Dispose() => _budget?.Dispose();
    }
}
