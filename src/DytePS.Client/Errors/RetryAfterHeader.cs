using System;
using System.Globalization;

namespace DytePS.Client
{
    /// <summary>Parses Retry-After, which is either delta-seconds or an HTTP date (RFC 9110 10.2.3).</summary>
    internal static class RetryAfterHeader
    {
        public static TimeSpan? Parse(string? value, DateTimeOffset now)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            value = value!.Trim();
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                return seconds >= 0 ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var date)
                || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
            {
                var wait = date - now;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
            return null;
        }
    }
}
