using DytePS.Emulator.Infrastructure;
using DytePS.Emulator.State;

namespace DytePS.Emulator.Faults;

/// <summary>
/// Applies the fault, if any, that matches an API request's organization and operationId. Runs
/// right after authentication: a fault "before" answers instead of the handler (nothing changes),
/// a fault "after" lets the handler change the state and then replaces its answer.
/// </summary>
public sealed class FaultFilter(FaultRegistry faults, EmulatorState state, IHostApplicationLifetime lifetime) : IEndpointFilter
{
    private const string KindKey = "dyte.fault";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var operation = ApiOperation.Of(http);
        var fault = operation is null ? null : faults.Take(ApiCaller.OrganizationOf(http).Id, operation);
        if (fault is null) return await next(context);
        http.Items[KindKey] = fault.Kind;

        if (fault.Kind == FaultDefinition.Latency)
        {
            if (fault.When == FaultDefinition.Before) await Delay(fault, http);
            var result = await next(context);
            if (fault.When == FaultDefinition.After) await Delay(fault, http);
            return result;
        }
        if (fault.When == FaultDefinition.After)
        {
            try
            {
                await next(context);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The handler's own answer (an error included) is lost all the same.
            }
        }
        return await FaultResponses.AnswerAsync(http, fault, state, lifetime.ApplicationStopping);
    }

    /// <summary>The kind of fault applied to the request, for the request log; null when none was.</summary>
    public static string? KindOf(HttpContext context) => context.Items[KindKey] as string;

    private Task Delay(FaultView fault, HttpContext http) =>
        Task.Delay(TimeSpan.FromMilliseconds(fault.LatencyMs ?? 0), state.Clock, http.RequestAborted);
}
