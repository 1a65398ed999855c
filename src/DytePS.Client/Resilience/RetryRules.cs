using System;
using System.Linq;

namespace DytePS.Client
{
    /// <summary>
    /// Which failures are worth another attempt, and how long to wait first. Pure functions, so
    /// the rules can be read and tested on their own; <see cref="RetryPipeline"/> applies them.
    /// </summary>
    internal static class RetryRules
    {
        private static readonly int[] TransientStatuses = { 408, 429, 500, 502, 503, 504 };

        /// <summary>
        /// Why the outcome should be retried, or null when it should not. A request that creates
        /// something is retried only when the service surely did not act on it: a 429, or a
        /// connection that failed before the request was sent. A retried create can therefore
        /// never make a duplicate.
        /// </summary>
        public static string? ReasonToRetry(DyteRequest request, DyteResponse? response, Exception? error)
        {
            if (response != null)
            {
                if (!TransientStatuses.Contains(response.StatusCode)) return null;
                if (request.CreatesResource && response.StatusCode != 429) return null;
                return $"HTTP {response.StatusCode} {ErrorBody.StatusText(response.StatusCode)}";
            }
            if (!(error is DyteException failure)) return null;
            switch (failure.Kind)
            {
                case DyteErrorKind.Network when !failure.RequestSent:
                    return "the connection failed before the request was sent: " + failure.ServerMessage;
                case DyteErrorKind.Network when !request.CreatesResource:
                    return "the connection failed: " + failure.ServerMessage;
                case DyteErrorKind.Timeout when !request.CreatesResource:
                    return "no response in time";
                default:
                    return null;
            }
        }

        /// <summary>
        /// The service's Retry-After when it gave one; otherwise exponential backoff from
        /// <see cref="DyteRetryOptions.BaseDelay"/>, capped at <see cref="DyteRetryOptions.MaxDelay"/>,
        /// with jitter (50-100 %) so that parallel callers do not retry in lockstep.
        /// </summary>
        /// <param name="retry">0 for the first retry.</param>
        public static TimeSpan Delay(int retry, TimeSpan? retryAfter, DyteRetryOptions options, double random)
        {
            if (retryAfter.HasValue) return retryAfter.Value < TimeSpan.Zero ? TimeSpan.Zero : retryAfter.Value;
            var exponential = options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 30));
            var capped = Math.Min(exponential, options.MaxDelay.TotalMilliseconds);
            return TimeSpan.FromMilliseconds(capped * (0.5 + 0.5 * random));
        }
    }
}
