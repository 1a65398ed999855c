using System;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace DytePS.Client
{
    /// <summary>
    /// The one retry loop, a Polly retry strategy built once per client. <see cref="RetryRules"/>
    /// decides what to retry and how long to wait; this class also keeps the total wait of a call
    /// within <see cref="DyteRetryOptions.MaxTotalWait"/> and reports each retry to the caller's listener.
    /// Waits observe the caller's cancellation token, so Ctrl+C ends them at once.
    /// </summary>
    internal sealed class RetryPipeline
    {
        private static readonly ResiliencePropertyKey<DyteRequest> RequestKey = new ResiliencePropertyKey<DyteRequest>("dyte.request");
        private static readonly ResiliencePropertyKey<RetryState> StateKey = new ResiliencePropertyKey<RetryState>("dyte.retry");

        private readonly ResiliencePipeline<DyteResponse> _pipeline;
        private readonly DyteRetryOptions _options;
        private readonly RequestGate _gate;

        public RetryPipeline(DyteRetryOptions options, RequestGate gate)
        {
            _options = options;
            _gate = gate;
            _pipeline = options.MaxRetries == 0
                ? ResiliencePipeline<DyteResponse>.Empty
                : new ResiliencePipelineBuilder<DyteResponse>()
                    .AddRetry(new RetryStrategyOptions<DyteResponse>
                    {
                        MaxRetryAttempts = options.MaxRetries,
                        ShouldHandle = args => new ValueTask<bool>(Plan(args.Context, args.Outcome, args.AttemptNumber)),
                        DelayGenerator = args => new ValueTask<TimeSpan?>(args.Context.Properties.GetValue(StateKey, null!).NextDelay),
                        OnRetry = args =>
                        {
                            Announce(args.Context, args.AttemptNumber);
                            return default;
                        },
                    })
                    .Build();
        }

        public async Task<DyteResponse> ExecuteAsync(DyteRequest request, Func<CancellationToken, Task<DyteResponse>> attempt, CancellationToken cancellationToken)
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            var state = new RetryState();
            try
            {
                context.Properties.Set(RequestKey, request);
                context.Properties.Set(StateKey, state);
                var outcome = await _pipeline.ExecuteOutcomeAsync(
                    async (ctx, _) =>
                    {
                        try { return Outcome.FromResult(await attempt(ctx.CancellationToken).ConfigureAwait(false)); }
                        catch (Exception e) { return Outcome.FromException<DyteResponse>(e); }
                    },
                    context, 0).ConfigureAwait(false);
                outcome.ThrowIfException();
                return outcome.Result!;
            }
            catch (OperationCanceledException)
            {
                // Cancelled while waiting out a 429: the pause it set for everyone is nobody's to wait for now.
                _gate.Release(state.Pause);
                throw;
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        /// <summary>Decides whether to retry and, if so, after how long; false when the total wait would run over.</summary>
        private bool Plan(ResilienceContext context, Outcome<DyteResponse> outcome, int retry)
        {
            var request = context.Properties.GetValue(RequestKey, null!);
            var state = context.Properties.GetValue(StateKey, null!);
            var reason = RetryRules.ReasonToRetry(request, outcome.Result, outcome.Exception);
            if (reason is null) return false;

            var retryAfter = outcome.Result?.RetryAfter ?? (outcome.Exception as DyteException)?.RetryAfter;
            var delay = RetryRules.Delay(retry, retryAfter, _options, ThreadSafeRandom());
            if (state.Waited + delay > _options.MaxTotalWait) return false;

            state.NextDelay = delay;
            state.Reason = reason;
            // The service asked the whole client to slow down: the others wait as long as this call will.
            state.Pause = outcome.Result?.StatusCode == 429 ? _gate.Pause(delay) : 0;
            return true;
        }

        private static void Announce(ResilienceContext context, int retry)
        {
            var request = context.Properties.GetValue(RequestKey, null!);
            var state = context.Properties.GetValue(StateKey, null!);
            state.Waited += state.NextDelay;
            DyteClientListenerScope.Listener?.RetryScheduled(
                new DyteRetryRecord(request.Method, request.DisplayPath(), retry + 2, state.NextDelay, state.Reason));
        }

        private static double ThreadSafeRandom()
        {
            lock (Random) return Random.NextDouble();
        }

        private static readonly Random Random = new Random();

        /// <summary>What one call has waited so far, and the plan for its next retry.</summary>
        private sealed class RetryState
        {
            public TimeSpan Waited;
            public TimeSpan NextDelay;
            public string Reason = string.Empty;

            /// <summary>The end of the client-wide pause this call set for its current wait (0: none).</summary>
            public long Pause;
        }
    }
}
