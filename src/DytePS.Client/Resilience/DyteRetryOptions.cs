using System;

namespace DytePS.Client
{
    /// <summary>How the client retries transient failures (see <see cref="RetryRules"/> for which ones).</summary>
    public sealed class DyteRetryOptions
    {
        /// <summary>Retries after the first attempt; 0 turns retrying off.</summary>
        public int MaxRetries { get; set; } = 4;

        /// <summary>
        /// The most the client waits between attempts in total for one call. A retry whose wait
        /// (for example a long Retry-After) would go beyond it is not made; the failure is reported.
        /// </summary>
        public TimeSpan MaxTotalWait { get; set; } = TimeSpan.FromMinutes(2);

        /// <summary>First backoff when the service gives no Retry-After; doubled per retry.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>Cap of one backoff wait when the service gives no Retry-After.</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

        public void Validate()
        {
            if (MaxRetries < 0 || MaxRetries > 100) throw new ArgumentException("MaxRetries must be between 0 and 100.", nameof(MaxRetries));
            if (MaxTotalWait < TimeSpan.Zero) throw new ArgumentException("MaxTotalWait must not be negative.", nameof(MaxTotalWait));
            if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay) throw new ArgumentException("Delays must satisfy 0 <= BaseDelay <= MaxDelay.", nameof(BaseDelay));
        }

        internal DyteRetryOptions Copy() => (DyteRetryOptions)MemberwiseClone();
    }
}
