using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using DytePS.Client;

namespace DytePS.Infrastructure
{
    /// <summary>
    /// Base of every command that talks to the service: resolves the connection, runs client calls so that Ctrl+C
    /// cancels them, routes the client's request log to the verbose stream, and turns client
    /// failures into error records (non-terminating per item; terminating only when nothing
    /// else can succeed).
    /// </summary>
    public abstract class DyteCommandBase : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private PipelineDispatcher? _dispatcher;
        private DyteConnection? _connection;

        /// <summary>A connection the command was given explicitly (-Connection), or null for the session's.</summary>
        private protected virtual DyteConnection? ExplicitConnection => null;

        private PipelineDispatcher Dispatcher =>
            _dispatcher ??= new PipelineDispatcher(WriteVerbose, WriteWarning, VerboseShown);

        /// <summary>True when -Verbose or $VerbosePreference will show verbose records.</summary>
        private bool VerboseShown =>
            MyInvocation.BoundParameters.TryGetValue("Verbose", out var verbose)
                ? verbose is SwitchParameter s && s.IsPresent
                : LanguagePrimitives.TryConvertTo(GetVariableValue("VerbosePreference"), out ActionPreference preference)
                  && preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;

        /// <summary>The connection in use, resolved on first use so -WhatIf works without one.</summary>
        protected DyteConnection ResolvedConnection => _connection ??= ResolveConnection();

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>
        /// Runs one client call and returns its result. Returns false after writing the failure as
        /// a non-terminating error about <paramref name="target"/> (terminating for bad credentials).
        /// </summary>
        protected bool TryInvoke<T>(object? target, Func<DyteClient, CancellationToken, Task<T>> call, out T result) =>
            TryInvokeCore(target, call, out result, absentIsEmpty: null);

        /// <summary>Runs a call that returns nothing; false after writing its failure.</summary>
        protected bool TryInvoke(object? target, Func<DyteClient, CancellationToken, Task> call) =>
            TryInvokeCore(target, async (client, token) => { await call(client, token).ConfigureAwait(false); return true; }, out _, absentIsEmpty: null);

        /// <summary>
        /// <see cref="TryInvoke{T}(object, Func{DyteClient, CancellationToken, Task{T}}, out T)"/> for the "active"
        /// lookups (active session, recording, livestream): there a 404 means there is none, an empty answer rather
        /// than an error, so <c>Get-DyteMeeting | Get-DyteRecording -Active</c> lists only what is running.
        /// </summary>
        protected bool TryInvokeActive<T>(object? target, string what, Func<DyteClient, CancellationToken, Task<T>> call, out T result) =>
            TryInvokeCore(target, call, out result, absentIsEmpty: what);

        private bool TryInvokeCore<T>(object? target, Func<DyteClient, CancellationToken, Task<T>> call, out T result, string? absentIsEmpty)
        {
            result = default!;
            try
            {
                result = Invoke(call);
                return true;
            }
            catch (DyteException e) when (absentIsEmpty != null && e.StatusCode == 404)
            {
                WriteVerbose($"No active {absentIsEmpty} for {target}: {e.ServerMessage}");
                return false;
            }
            catch (DyteException e)
            {
                WriteDyteError(e, target);
                return false;
            }
        }

        /// <summary>
        /// ShouldProcess that -Force can answer: -Force skips the confirmation prompt, but -WhatIf
        /// still only reports.
        /// </summary>
        protected bool ShouldChange(string target, string action, bool force)
        {
            if (force && !WhatIfRequested) return true;
            return ShouldProcess(target, action);
        }

        private bool WhatIfRequested =>
            (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf) && whatIf is SwitchParameter s && s.IsPresent)
            || (!MyInvocation.BoundParameters.ContainsKey("WhatIf") && LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference")));

        /// <summary>
        /// Writes every item of a paged list as its page arrives, honouring -First/-Skip/-IncludeTotalCount when the
        /// cmdlet supports paging. The next page is requested while the current one is being written, so the
        /// service's latency overlaps the pipeline's work; at most one page is read ahead.
        /// </summary>
        protected void WritePages<T>(object? target, Func<DyteClient, CancellationToken, IAsyncEnumerable<DytePage<T>>> list)
        {
            var paging = PagingParameters;
            if (paging != null && paging.First == 0 && !paging.IncludeTotalCount) return;
            var client = ResolvedConnection.Client;
            // Its own token, so a listing that ends early (-First downstream, an error) can cancel the page read ahead.
            using var listing = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            var pages = list(client, listing.Token).GetAsyncEnumerator(listing.Token);
            var progress = new ThrottledProgress(this, PagingProgressId, MyInvocation.MyCommand.Name);
            Task<bool>? next = null;
            long written = 0;
            try
            {
                var first = true;
                next = Start(() => pages.MoveNextAsync().AsTask());
                while (Wait(next))
                {
                    var page = pages.Current;
                    next = Start(() => pages.MoveNextAsync().AsTask());
                    if (first && paging?.IncludeTotalCount == true)
                        WriteObject(paging.NewTotalCount(
                            (ulong)(page.TotalCount ?? page.Items.Count), page.TotalCount.HasValue ? 1.0 : 0.0));
                    first = false;
                    foreach (var item in page.Items) WriteObject(item);
                    written += page.Items.Count;
                    // Only lists longer than the page just read get a progress bar.
                    var expected = Expected(page.TotalCount, paging);
                    if (expected > written)
                        progress.Update($"{written} of {expected}", ThrottledProgress.Percent(written, expected));
                }
            }
            catch (DyteException e)
            {
                WriteDyteError(e, target);
            }
            finally
            {
                progress.Complete();
                EndListing(listing, next, pages);
            }
        }

        /// <summary>
        /// Ends a listing where it stands (after -First, an error or Ctrl+C): cancels the page read ahead, lets it
        /// finish, then disposes the iterator, so no further page is requested and nothing runs on after the command.
        /// </summary>
        private void EndListing<T>(CancellationTokenSource listing, Task<bool>? pending, IAsyncEnumerator<T> pages)
        {
            if (pending != null && !pending.IsCompleted)
            {
                listing.Cancel();
                Dispatcher.Wait(pending.ContinueWith(_ => { }, TaskScheduler.Default));
            }
            Dispatcher.Wait(Start(async () => { await pages.DisposeAsync().ConfigureAwait(false); return true; }));
        }

        private const int PagingProgressId = 0x0D17E00;

        /// <summary>How many items this listing will write: the service's total, less -Skip, at most -First.</summary>
        private static long? Expected(long? total, PagingParameters? paging)
        {
            if (total is null || paging is null) return total;
            var remaining = Math.Max(0, total.Value - (long)Math.Min(paging.Skip, (ulong)long.MaxValue));
            return paging.First < (ulong)remaining ? (long)paging.First : remaining;
        }

        /// <summary>Runs <paramref name="action"/> on the pipeline thread while a call is in flight (for progress from async work).</summary>
        protected void OnPipelineThread(Action action) => Dispatcher.Post(action);

        /// <summary>Waits on the pipeline thread for <paramref name="delay"/>, or until Ctrl+C.</summary>
        protected void Sleep(TimeSpan delay) =>
            Await(async () => { await Task.Delay(delay, _stopping.Token).ConfigureAwait(false); return true; });

        /// <summary>The slice of a list that -First and -Skip ask for, in pages of <paramref name="pageSize"/>.</summary>
        protected PageRequest PageSlice(int pageSize)
        {
            var paging = PagingParameters;
            if (paging is null) return new PageRequest(pageSize);
            // First defaults to ulong.MaxValue when not given.
            long? first = paging.First >= long.MaxValue ? (long?)null : (long)paging.First;
            return new PageRequest(pageSize, (long)Math.Min(paging.Skip, long.MaxValue), first);
        }

        /// <summary>Writes a client failure; bad credentials end the command since no other item could succeed.</summary>
        protected void WriteDyteError(DyteException exception, object? target)
        {
            var record = DyteErrors.From(exception, target);
            if (DyteErrors.IsFatal(exception)) ThrowTerminatingError(record);
            WriteError(record);
        }

        /// <summary>Runs one client call on <paramref name="connection"/> (default: the resolved one); failures throw <see cref="DyteException"/>.</summary>
        protected T Invoke<T>(Func<DyteClient, CancellationToken, Task<T>> call, DyteConnection? connection = null)
        {
            var client = (connection ?? ResolvedConnection).Client;
            return Await(() => call(client, _stopping.Token));
        }

        /// <summary>
        /// Starts async work with this command's listener in its execution context (so the
        /// client's verbose records come here), then waits for it on the pipeline thread.
        /// </summary>
        private T Await<T>(Func<Task<T>> start) => Wait(Start(start));

        /// <summary>Starts async work with this command's listener in its execution context.</summary>
        private Task<T> Start<T>(Func<Task<T>> start)
        {
            using (DyteClientListenerScope.Begin(Dispatcher))
                return start();
        }

        /// <summary>Waits on the pipeline thread, running queued writes; Ctrl+C surfaces as a stopped pipeline.</summary>
        private T Wait<T>(Task<T> task)
        {
            Wait((Task)task);
            return task.GetAwaiter().GetResult();
        }

        private void Wait(Task task)
        {
            try
            {
                Dispatcher.Wait(task);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>
        /// Runs a call for one pipeline item, up to <paramref name="throttleLimit"/> at once
        /// (-ThrottleLimit). Results are written in input order: an item's result waits for the
        /// items before it. Failures stay per-item, non-terminating errors. With a limit of 1 the
        /// call simply runs now. Commands that use it must call <see cref="EndProcessing"/>'s base.
        /// </summary>
        protected void InvokeInOrder<T>(object? target, int throttleLimit, Func<DyteClient, CancellationToken, Task<T>> call, Action<T> onSuccess)
        {
            if (throttleLimit <= 1 && _inFlight.Count == 0)
            {
                if (TryInvoke(target, call, out var result)) onSuccess(result);
                return;
            }
            var client = ResolvedConnection.Client;
            var task = Start(() => call(client, _stopping.Token));
            _inFlight.Enqueue(new InFlightCall(target, task, () => onSuccess(task.GetAwaiter().GetResult())));
            while (_inFlight.Count >= Math.Max(1, throttleLimit)) CompleteOldest();
        }

        /// <summary>Writes the results of calls still in flight, in input order.</summary>
        protected override void EndProcessing()
        {
            while (_inFlight.Count > 0) CompleteOldest();
        }

        private void CompleteOldest()
        {
            var call = _inFlight.Dequeue();
            try
            {
                Wait(call.Task);
            }
            catch (DyteException e)
            {
                WriteDyteError(e, call.Target);
                return;
            }
            call.WriteResult();
        }

        private readonly Queue<InFlightCall> _inFlight = new Queue<InFlightCall>();

        private sealed class InFlightCall
        {
            public InFlightCall(object? target, Task task, Action writeResult)
            {
                Target = target;
                Task = task;
                WriteResult = writeResult;
            }

            public object? Target { get; }
            public Task Task { get; }
            public Action WriteResult { get; }
        }

        private DyteConnection ResolveConnection()
        {
            if (ExplicitConnection != null) return ExplicitConnection;
            var current = SessionConnection.Current;
            if (current != null) return current;
            try
            {
                var fromEnvironment = ConnectionFactory.FromEnvironment();
                if (fromEnvironment != null)
                {
                    SessionConnection.Current = fromEnvironment;
                    return fromEnvironment;
                }
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "DyteInvalidEnvironment", ErrorCategory.InvalidArgument, null));
            }
            ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException(
                    "Not connected to Dyte. Run Connect-Dyte, or set the environment variables DYTE_ORG_ID and DYTE_API_KEY (and DYTE_BASE_URI for another endpoint)."),
                "DyteNotConnected", ErrorCategory.ConnectionError, null));
            throw new InvalidOperationException("unreachable");
        }

        public void Dispose()
        {
            _dispatcher?.Dispose();
            _stopping.Dispose();
        }
        }

    /// <summary>Base of every API cmdlet: <see cref="DyteCommandBase"/> plus -Connection.</summary>
    public abstract class DyteCmdlet : DyteCommandBase
    {
        /// <summary>The connection to use; defaults to the session's (Connect-Dyte, or the DYTE_* environment variables).</summary>
        [Parameter]
        [ValidateNotNull]
        public DyteConnection? Connection { get; set; }

        private protected override DyteConnection? ExplicitConnection => Connection;
    }
}
