using System;

namespace DytePS.Client
{
    /// <summary>A complete HTTP response: status, body bytes and the one header the client uses (Retry-After).</summary>
    public sealed class DyteResponse
    {
        public DyteResponse(int statusCode, string? reasonPhrase, byte[] body, TimeSpan? retryAfter)
        {
            StatusCode = statusCode;
            ReasonPhrase = reasonPhrase;
            Body = body;
            RetryAfter = retryAfter;
        }

        public int StatusCode { get; }
        public string? ReasonPhrase { get; }
        public byte[] Body { get; }
        public TimeSpan? RetryAfter { get; }
        public bool IsSuccess => StatusCode >= 200 && StatusCode <= 299;
    }
}
