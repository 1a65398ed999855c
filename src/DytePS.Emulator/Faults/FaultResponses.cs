using System.Globalization;
using DytePS.Emulator.Infrastructure;
using DytePS.Emulator.State;
using Microsoft.AspNetCore.WebUtilities;

namespace DytePS.Emulator.Faults;

/// <summary>What a client sees for each kind of fault (latency aside, which only delays the real answer).</summary>
public static class FaultResponses
{
    /// <summary>Where a cut-off JSON answer stops: valid so far, never complete.</summary>
    public const string TruncatedJson = "{\"success\":true,\"data\":{\"id\":\"";

    public static async Task<IResult> AnswerAsync(HttpContext http, FaultView fault, EmulatorState state, CancellationToken stopping)
    {
        switch (fault.Kind)
        {
            case FaultDefinition.Status:
                return Status(http, fault, state);
            case FaultDefinition.Hang:
                // Held open without a thread until the client gives up (or the emulator stops).
                using (var ended = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping))
                {
                    try { await Task.Delay(Timeout.InfiniteTimeSpan, ended.Token); }
                    catch (OperationCanceledException) { }
                }
                http.Abort();
                return Results.Empty;
            case FaultDefinition.Drop:
                http.Abort();
                return Results.Empty;
            case FaultDefinition.MalformedJson:
                return Results.Text(TruncatedJson, "application/json", statusCode: StatusCodes.Status200OK);
            default:
                return Results.StatusCode(StatusCodes.Status200OK);
        }
    }

    private static IResult Status(HttpContext http, FaultView fault, EmulatorState state)
    {
        var status = fault.Status!.Value;
        if (fault.RetryAfter is { } seconds)
        {
            http.Response.Headers.RetryAfter = fault.RetryAfterFormat == FaultDefinition.HttpDate
                ? state.Clock.GetUtcNow().AddSeconds(seconds).ToString("R", CultureInfo.InvariantCulture)
                : seconds.ToString(CultureInfo.InvariantCulture);
        }
        var reason = ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
        if (fault.Html == true)
        {
            // What a proxy in front of the API answers: an HTML page, not the API's envelope.
            var page = $"<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n<center><h1>{status} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
            return Results.Content(page, "text/html; charset=utf-8", statusCode: status);
        }
        return Results.Json(ApiResults.ErrorBody(status, reason), ApiJson.Options, statusCode: status);
    }
}
