using System;

namespace DytePS.Client
{
    /// <summary>
    /// Receives what the client does on behalf of one caller: each HTTP exchange, each retry, each warning.
    /// Called from whatever thread finished the work, so implementations must be thread-safe.
    /// Never given headers or bodies, so it cannot leak credentials.
    /// </summary>
    public interface IDyteClientListener
    {
        void RequestCompleted(DyteRequestRecord record);

        void RetryScheduled(DyteRetryRecord record);

        /// <summary>
        /// Something the caller should know although the call goes on: a long wait for the
        /// service's rate limit, or a listing that came out shorter than the service's own total.
        /// </summary>
        void Warning(string message);
    }

    /// <summary>One finished HTTP attempt. <see cref="Status"/> is null when no response arrived.</summary>
    public sealed class DyteRequestRecord
    {
        public DyteRequestRecord(string method, string path, int? status, TimeSpan elapsed)
        {
            Method = method;
            Path = path;
            Status = status;
            Elapsed = elapsed;
        }

        public string Method { get; }
        public string Path { get; }
        public int? Status { get; }
        public TimeSpan Elapsed { get; }

        public override string ToString() =>
            $"{Method} {Path} -> {(Status.HasValue ? Status.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "no response")} ({Elapsed.TotalMilliseconds:0} ms)";
    }

    /// <summary>A retry about to wait <see cref="Delay"/> before attempt number <see cref="NextAttempt"/>.</summary>
    public sealed class DyteRetryRecord
    {
        public DyteRetryRecord(string method, string path, int nextAttempt, TimeSpan delay, string reason)
        {
            Method = method;
            Path = path;
            NextAttempt = nextAttempt;
            Delay = delay;
            Reason = reason;
        }

        public string Method { get; }
        public string Path { get; }
        public int NextAttempt { get; }
        public TimeSpan Delay { get; }
        public string Reason { get; }

        public override string ToString() =>
            $"{Method} {Path}: {Reason}; retrying in {Delay.TotalSeconds:0.0} s (attempt {NextAttempt})";
    }
}
