using System;

namespace DytePS.Client
{
    /// <summary>A complete HTTP response: status, body bytes and the headers the client uses (Retry-After, and Location of a 3xx).</summary>
    public sealed class DyteResponse
    {
        public DyteResponse(int statusCode, string? reasonPhrase, byte[] body, TimeSpan? retryAfter)
            : this(statusCode, reasonPhrase, body, retryAfter, null)
        {
        }

        public DyteResponse(int statusCode, string? reasonPhrase, byte[] body, TimeSpan? retryAfter, Uri? location)
        {
            Location = location;
            StatusCode = statusCode;
            ReasonPhrase = reasonPhrase;
            Body = body;
            RetryAfter = retryAfter;
        }

        public int StatusCode { get; }
        public string? ReasonPhrase { get; }
        public byte[] Body { get; }
        public TimeSpan? RetryAfter { get; }

        /// <summary>Where a 3xx pointed (absolute), so the error can name it; null otherwise.</summary>
        public Uri? Location { get; }
        public bool IsSuccess => StatusCode >= 200 && StatusCode <= 299;
    }
}
