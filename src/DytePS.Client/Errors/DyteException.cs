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
            : base(Describe(kind, method, path, statusCode, serverMessage, requestSent), innerException)
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

        private static string Describe(DyteErrorKind kind, string method, string path, int? status, string? serverMessage, bool requestSent)
        {
            var request = method + " " + path;
            switch (kind)
            {
                case DyteErrorKind.HttpStatus:
                    return $"{request} failed with HTTP {status}: {serverMessage}";
                case DyteErrorKind.Timeout:
                    return $"{request} timed out: {serverMessage}" + MayHaveActed(method);
                case DyteErrorKind.Network when requestSent:
                    return $"{request} failed: the connection broke before the answer was complete ({serverMessage})" + MayHaveActed(method);
                case DyteErrorKind.Network:
                    return $"{request} was not sent: {serverMessage}";
                case DyteErrorKind.NotSupported:
                    return $"{request} was not sent: {serverMessage}";
                case DyteErrorKind.ResponseTooLarge:
                    return $"{request} returned HTTP {status} with an answer too large to read: {serverMessage}. Connect-Dyte -MaximumResponseSizeMB raises the limit.";
                default:
                    return $"{request} returned HTTP {status} with an answer the client cannot use: {serverMessage}";
            }
        }

        /// <summary>
        /// What a request whose answer was lost may have done: the service may have received and
        /// carried it out, so saying it "failed" would invite a duplicate.
        /// </summary>
        private static string MayHaveActed(string method)
        {
            switch (method)
            {
                case "POST":
                    return "; the service may have received it, so the object may have been created: check before sending it again";
                case "PUT":
                case "PATCH":
                case "DELETE":
                    return "; the service may have received it, so the change may have been made";
                default:
                    return string.Empty;
            }
        }
    }
}
