namespace DytePS.Emulator.Infrastructure;

/// <summary>
/// Endpoint metadata naming the OpenAPI operation an endpoint serves (listMeetings, ...), so the
/// request log, fault injection and conformance tests speak the document's language.
/// </summary>
public sealed record ApiOperation(string OperationId)
{
    public static string? Of(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ApiOperation>()?.OperationId;
}

public static class ApiOperationExtensions
{
    /// <summary>Tags the endpoint with its operationId from dyte-v2.openapi.yaml.</summary>
    public static RouteHandlerBuilder Operation(this RouteHandlerBuilder builder, string operationId) =>
        builder.WithMetadata(new ApiOperation(operationId));
}
