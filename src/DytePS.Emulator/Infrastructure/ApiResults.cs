namespace DytePS.Emulator.Infrastructure;

/// <summary>The service's envelopes: success with data (and paging), success with a message, and errors.</summary>
public static class ApiResults
{
    public static IResult Data(object data, int status = StatusCodes.Status200OK) =>
        Results.Json(new { success = true, data }, ApiJson.Options, statusCode: status);

    public static IResult Created(object data) => Data(data, StatusCodes.Status201Created);

    public static IResult Page<T>(PageSlice<T> page) =>
        Results.Json(new { success = true, data = page.Items, paging = page.Paging }, ApiJson.Options);

    public static IResult Message(string message) =>
        Results.Json(new { success = true, message }, ApiJson.Options);

    public static Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(ErrorBody(status, message), ApiJson.Options);
    }

    public static object ErrorBody(int status, string message) =>
        new { success = false, error = new { code = status, message } };
}
