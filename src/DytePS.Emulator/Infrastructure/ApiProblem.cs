namespace DytePS.Emulator.Infrastructure;

/// <summary>
/// Thrown by a handler to answer with the service's error envelope
/// <c>{"success":false,"error":{"code":N,"message":"..."}}</c>; see <see cref="ApiProblemMiddleware"/>.
/// </summary>
public sealed class ApiProblem(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static ApiProblem BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    public static ApiProblem NotFound(string what) => new(StatusCodes.Status404NotFound, what + " not found");

    public static ApiProblem Conflict(string message) => new(StatusCodes.Status409Conflict, message);
}

/// <summary>Turns <see cref="ApiProblem"/> into the error envelope and any other exception into a 500 envelope.</summary>
public sealed class ApiProblemMiddleware(RequestDelegate next, ILogger<ApiProblemMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (ApiProblem problem) when (!context.Response.HasStarted)
        {
            await ApiResults.WriteErrorAsync(context, problem.Status, problem.Message);
        }
        catch (Persistence.DataFileUnavailableException unavailable) when (!context.Response.HasStarted)
        {
            logger.LogWarning(unavailable.InnerException, "A commit to the data file failed serving {Path}", context.Request.Path);
            await ApiResults.WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, unavailable.Message);
        }
        catch (BadHttpRequestException bad) when (!context.Response.HasStarted && bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await ApiResults.WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge,
                $"The request body is larger than the limit of {JsonBody.MaxBodyBytes} bytes.");
        }
        catch (BadHttpRequestException bad) when (!context.Response.HasStarted)
        {
            await ApiResults.WriteErrorAsync(context, StatusCodes.Status400BadRequest, bad.Message);
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            logger.LogError(e, "Unhandled error serving {Path}", context.Request.Path);
            await ApiResults.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "Internal server error");
        }
    }
}
