using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DytePS.Client
{
    /// <summary>
    /// Reads of a response body that always end: each read within an idle time, an error body
    /// within a size and a total time, and any read at once when the caller cancels.
    /// </summary>
    internal static class BoundedRead
    {
        /// <summary>How much of an error body is read: enough for any service message, far too little to hurt.</summary>
        public const int ErrorBodyLimit = 64 * 1024;

        /// <summary>One read that fails with <see cref="IdleTimeoutException"/> when no byte arrives within <paramref name="idle"/>.</summary>
        public static async Task<int> ReadAsync(Stream source, byte[] buffer, int count, TimeSpan idle, CancellationToken cancellationToken)
        {
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timer.CancelAfter(idle);
            try
            {
                return await source.ReadAsync(buffer, 0, count, timer.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (timer.IsCancellationRequested && (e is OperationCanceledException || e is IOException || e is ObjectDisposedException))
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw new IdleTimeoutException();
            }
        }

        /// <summary>
        /// The start of an error body: at most <see cref="ErrorBodyLimit"/> bytes, and what arrived
        /// within <paramref name="deadline"/> when the rest trickles or never comes. The status is
        /// what the caller reports; the body only adds the service's message when it has one.
        /// </summary>
        public static async Task<byte[]> ErrorBodyAsync(HttpContent? content, TimeSpan deadline, CancellationToken cancellationToken)
        {
            if (content is null) return Array.Empty<byte>();
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timer.CancelAfter(deadline);
            var body = new MemoryStream();
            try
            {
                using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
                var chunk = new byte[8192];
                while (body.Length < ErrorBodyLimit)
                {
                    var read = await stream.ReadAsync(chunk, 0, (int)Math.Min(chunk.Length, ErrorBodyLimit - body.Length), timer.Token).ConfigureAwait(false);
                    if (read == 0) break;
                    body.Write(chunk, 0, read);
                }
            }
            catch (Exception e) when (e is OperationCanceledException || e is IOException || e is ObjectDisposedException || e is HttpRequestException)
            {
                // Out of time, or the connection dropped: the status says enough without the rest.
            }
            cancellationToken.ThrowIfCancellationRequested();
            return body.ToArray();
        }
    }

    /// <summary>A read saw no byte for the idle time.</summary>
    internal sealed class IdleTimeoutException : Exception
    {
    }
}
