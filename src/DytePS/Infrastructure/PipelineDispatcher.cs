using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using DytePS.Client;

namespace DytePS.Infrastructure
{
    /// <summary>
    /// Lets async client work report to PowerShell. Cmdlet streams may only be written from the
    /// pipeline thread, but the client finishes work on pool threads; the dispatcher queues
    /// those writes and runs them on the pipeline thread while it waits for the work to end.
    /// </summary>
    internal sealed class PipelineDispatcher : IDyteClientListener, IDisposable
    {
        private readonly ConcurrentQueue<Action> _pending = new ConcurrentQueue<Action>();
        private readonly SemaphoreSlim _signal = new SemaphoreSlim(0);
        private readonly Action<string> _writeVerbose;
        private readonly Action<string> _writeWarning;
        private readonly bool _verbose;

        /// <param name="verbose">Whether the verbose stream is shown: when not, request records are not even queued.</param>
        public PipelineDispatcher(Action<string> writeVerbose, Action<string> writeWarning, bool verbose)
        {
            _writeVerbose = writeVerbose;
            _writeWarning = writeWarning;
            _verbose = verbose;
        }

        /// <summary>Retries that will wait at least this long are also announced as warnings.</summary>
        public static readonly TimeSpan LongRetryWait = TimeSpan.FromSeconds(10);

        /// <summary>Queues <paramref name="action"/> to run on the pipeline thread.</summary>
        public void Post(Action action)
        {
            _pending.Enqueue(action);
            _signal.Release();
        }

        /// <summary>Blocks the pipeline thread until <paramref name="task"/> ends, running queued writes meanwhile.</summary>
        public T Wait<T>(Task<T> task)
        {
            Wait((Task)task);
            return task.GetAwaiter().GetResult();
        }

        public void Wait(Task task)
        {
            if (!task.IsCompleted)
                task.ContinueWith((_, signal) => ((SemaphoreSlim)signal!).Release(), _signal,
                    CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            while (!task.IsCompleted)
            {
                _signal.Wait();
                Drain();
            }
            Drain();
            task.GetAwaiter().GetResult();
        }

        /// <summary>Runs the queued writes; call only on the pipeline thread.</summary>
        public void Drain()
        {
            while (_pending.TryDequeue(out var action)) action();
        }

        void IDyteClientListener.RequestCompleted(DyteRequestRecord record)
        {
            if (_verbose) Post(() => _writeVerbose(record.ToString()));
        }

        void IDyteClientListener.RetryScheduled(DyteRetryRecord record) =>
            Post(() =>
            {
                _writeVerbose(record.ToString());
                if (record.Delay >= LongRetryWait) _writeWarning(record.ToString());
            });

        void IDyteClientListener.Warning(string message) => Post(() => _writeWarning(message));

        public void Dispose() => _signal.Dispose();
    }
}
