using System;

namespace DytePS.Client
{
    /// <summary>
    /// The one exception the client throws for a failed call. It names the request (method and
    /// path, never headers) and carries the server's own message and code when there was one.
    /// </summary>
    public sealed class DyteException : Exception
    {
        public DyteException(
            DyteErrorKind kind,
            string method,
            string path,
            int? statusCode,
            string? serverMessage,
            string? serverCode = null,
            TimeSpan? retryAfter = null,
            Exception? innerException = null,
            bool requestSent = true)
            : base(Describe(kind, method, path, statusCode, serverMessage), innerException)
        {
            Kind = kind;
            Method = method;
            Path = path;
            StatusCode = statusCode;
            ServerMessage = serverMessage;
            ServerCode = serverCode;
            RetryAfter = retryAfter;
            RequestSent = requestSent;
        }

        public DyteErrorKind Kind { get; }

        /// <summary>HTTP method of the failed request.</summary>
        public string Method { get; }

        /// <summary>Path of the failed request relative to the base URI, with its query.</summary>
        public string Path { get; }

        /// <summary>HTTP status, when the service answered.</summary>
        public int? StatusCode { get; }

        /// <summary>The service's own message (error.message or message), or the status text.</summary>
        public string? ServerMessage { get; }

        /// <summary>The service's error code (error.code), when it sent one.</summary>
        public string? ServerCode { get; }

        /// <summary>How long the service asked us to wait (Retry-After), when it said.</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>False when the connection failed before the request left (so the service surely did not act on it).</summary>
        public bool RequestSent { get; }

        private static string Describe(DyteErrorKind kind, string method, string path, int? status, string? serverMessage)
        {
            var request = method + " " + path;
            switch (kind)
            {
                case DyteErrorKind.HttpStatus:
                    return $"{request} failed with HTTP {status}: {serverMessage}";
                case DyteErrorKind.Timeout:
                    return $"{request} timed out: {serverMessage}";
                case DyteErrorKind.Network:
                    return $"{request} failed before a response arrived: {serverMessage}";
                case DyteErrorKind.NotSupported:
                    return $"{request} was not sent: {serverMessage}";
                default:
                    return $"{request} returned HTTP {status} with a body that is not valid Dyte JSON: {serverMessage}";
            }
        }
    }
}
