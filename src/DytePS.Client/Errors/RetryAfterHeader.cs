using System;
using System.Globalization;

namespace DytePS.Client
{
    /// <summary>
    /// Parses Retry-After, which is either delta-seconds or an HTTP date (RFC 9110 10.2.3). Whatever
    /// the service sends, the result is absent (unreadable or negative) or between 0 and
    /// <see cref="Longest"/>: a date in the year 9999 or "1e20" is simply "longer than any wait
    /// budget", never an exception.
    /// </summary>
    internal static class RetryAfterHeader
    {
        /// <summary>One day: beyond every wait budget (Connect-Dyte allows 3,600 s), and safe for any timer.</summary>
        public static readonly TimeSpan Longest = TimeSpan.FromDays(1);

        public static TimeSpan? Parse(string? value, DateTimeOffset now)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            value = value!.Trim();
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                if (double.IsNaN(seconds) || seconds < 0) return null;
                return seconds >= Longest.TotalSeconds ? Longest : TimeSpan.FromSeconds(seconds);
            }
            if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var date)
                || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
            {
                // Both lie between the years 1 and 9999, so the difference cannot overflow.
                var wait = date.UtcTicks - now.UtcTicks;
                if (wait <= 0) return TimeSpan.Zero;
                return wait >= Longest.Ticks ? Longest : TimeSpan.FromTicks(wait);
            }
            return null;
        }
    }
}
