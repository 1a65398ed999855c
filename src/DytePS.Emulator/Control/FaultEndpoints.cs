using DytePS.Emulator.Faults;
using DytePS.Emulator.Infrastructure;

namespace DytePS.Emulator.Control;

/// <summary>
/// Fault injection: <c>POST /_emulator/faults</c> adds one, <c>GET</c> lists, <c>DELETE</c> clears
/// (optionally one organization's), <c>DELETE /_emulator/faults/{id}</c> removes one. See
/// <see cref="FaultFilter"/> for how they apply.
/// </summary>
public static class FaultEndpoints
{
    public static void Map(RouteGroupBuilder control)
    {
        control.MapPost("/faults", Add);
        control.MapGet("/faults", (string? organization, FaultRegistry faults) => Results.Json(faults.List(organization), ApiJson.Options));
        control.MapDelete("/faults", (string? organization, FaultRegistry faults) =>
        {
            faults.Clear(organization);
            return Results.NoContent();
        });
        control.MapDelete("/faults/{id}", (string id, FaultRegistry faults) =>
            faults.Remove(id) ? Results.NoContent() : throw ApiProblem.NotFound("Fault"));
    }

    private static async Task<IResult> Add(HttpContext context, FaultRegistry faults)
    {
        var body = await JsonBody.ReadAsync(context.Request);
        var definition = new FaultDefinition
        {
            Organization = body.Uuid("organization")?.ToString(),
            Operation = body.String("operation", allowEmpty: false) ?? FaultDefinition.AnyOperation,
            Kind = body.Enum("kind", FaultDefinition.Kinds, required: true)!,
            StatusCode = body.Int("status"),
            RetryAfterSeconds = body.Int("retry_after", 0, 86_400, digitsAsString: true),
            RetryAfterFormat = body.Enum("retry_after_format", FaultDefinition.RetryAfterFormats) ?? FaultDefinition.Seconds,
            Html = body.Bool("html") ?? false,
            LatencyMs = body.Int("latency_ms"),
            When = body.Enum("when", FaultDefinition.Whens) ?? FaultDefinition.Before,
            Count = body.Int("count"),
            Probability = body.Number("probability", 0, 1) ?? 1,
        };
        try
        {
            return Results.Json(faults.Add(definition).View(), ApiJson.Options, statusCode: StatusCodes.Status201Created);
        }
        catch (ArgumentException e)
        {
            throw ApiProblem.BadRequest(e.Message);
        }
        catch (KeyNotFoundException)
        {
            throw ApiProblem.NotFound("Organization");
        }
    }
}
