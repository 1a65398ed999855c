using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DytePS.Client
{
    /// <summary>
    /// Caps what an API answer may grow to once decompressed (<see cref="DyteClientOptions.MaxResponseSize"/>).
    /// It sits above the decompressing handler, so it counts the bytes the client would keep, and
    /// fails the buffering with <see cref="ResponseTooLargeException"/> as soon as the count passes
    /// the limit: a 0.25 MB gzip bomb costs 64 MB at most, not the 256 MB it expands to (nor the
    /// several copies buffering would make). Downloads, which stream to disk, opt out per request.
    /// </summary>
    internal sealed class SizeLimitHandler : DelegatingHandler
    {
        private readonly long _limit;

        public SizeLimitHandler(HttpMessageHandler inner, long limit) : base(inner) => _limit = limit;

        /// <summary>
        /// A request whose answer streams to its destination (a download) and needs no cap. A type
        /// rather than an entry in Properties, which would allocate a dictionary on every API call.
        /// </summary>
        public sealed class StreamedRequest : HttpRequestMessage
        {
            public StreamedRequest(HttpMethod method, Uri url) : base(method, url)
            {
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var content = response.Content;
            if (content != null && !(request is StreamedRequest))
            {
                // A declared length within the limit is all the connection delivers (decompression
                // removes the header, since the expanded size is unknown): nothing to count, and the
                // common uncompressed answer keeps HttpClient's own buffering at no extra cost.
                var declared = content.Headers.ContentLength;
                if (declared is null || declared.Value > _limit)
                    response.Content = new LimitedContent(content, _limit, (int)response.StatusCode, cancellationToken);
            }
            return response;
        }

        /// <summary>The answer's content, read through a counter; the token is the request's, so a timeout or Ctrl+C ends the read.</summary>
        private sealed class LimitedContent : HttpContent
        {
            private readonly HttpContent _inner;
            private readonly long _limit;
            private readonly int _status;
            private readonly CancellationToken _cancellationToken;

            public LimitedContent(HttpContent inner, long limit, int status, CancellationToken cancellationToken)
            {
                _inner = inner;
                _limit = limit;
                _status = status;
                _cancellationToken = cancellationToken;
                // The content headers stay on the inner content: the client reads only the body's bytes
                // (DyteTransport.Received), so copying them would cost every call for nothing. The
                // length comes from TryComputeLength, so a declared size past the limit never sizes a buffer.
            }

            protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
            {
                if (_inner.Headers.ContentLength > _limit) throw new ResponseTooLargeException(_limit, _status);
                using var source = await _inner.ReadAsStreamAsync().ConfigureAwait(false);
                var buffer = ArrayPool<byte>.Shared.Rent(16384);
                try
                {
                    long total = 0;
                    while (true)
                    {
                        var read = await source.ReadAsync(buffer, 0, buffer.Length, _cancellationToken).ConfigureAwait(false);
                        if (read == 0) return;
                        total += read;
                        if (total > _limit) throw new ResponseTooLargeException(_limit, _status);
                        await stream.WriteAsync(buffer, 0, read, _cancellationToken).ConfigureAwait(false);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }

            protected override bool TryComputeLength(out long length)
            {
                var declared = _inner.Headers.ContentLength;
                length = declared ?? -1;
                return declared.HasValue && declared.Value <= _limit;
            }

            protected override void Dispose(bool disposing)
            {
                if (disposing) _inner.Dispose();
                base.Dispose(disposing);
            }
        }
    }

    /// <summary>An answer passed <see cref="DyteClientOptions.MaxResponseSize"/>.</summary>
    internal sealed class ResponseTooLargeException : Exception
    {
        public ResponseTooLargeException(long limit, int status) : base($"the answer is larger than {limit} bytes")
        {
            Limit = limit;
            Status = status;
        }

        public long Limit { get; }
        public int Status { get; }

        /// <summary>"64 MB", or bytes below a megabyte.</summary>
        public static string Describe(long limit) =>
            limit >= 1024 * 1024 && limit % (1024 * 1024) == 0 ? $"{limit / (1024 * 1024)} MB" : $"{limit} bytes";
    }
}
