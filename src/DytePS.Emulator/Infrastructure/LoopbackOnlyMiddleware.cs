namespace DytePS.Emulator.Infrastructure;

/// <summary>
/// Keeps web pages out. The emulator listens on 127.0.0.1 only, but a page in the user's browser
/// can still reach it: by DNS rebinding (a foreign name resolving to 127.0.0.1, so the Host is
/// foreign) or by a cross-site request (its Origin is foreign). Both are refused with 403 on every
/// path, the API included: the demo organization's key is public, so the API is as open to a page
/// as the control API is. And a control request with a body must be <c>application/json</c>,
/// which no page can send cross-site without a CORS preflight the emulator never grants.
/// Scripts, PowerShell and curl send a loopback Host and no Origin, and are not affected.
/// </summary>
public sealed class LoopbackOnlyMiddleware(RequestDelegate next)
{
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        // HTTP/1.0 may leave Host out; a browser never does.
        if (request.Host.HasValue && !IsLoopback(request.Host.Host))
        {
            await ApiResults.WriteErrorAsync(context, StatusCodes.Status403Forbidden,
                "The Host header must name the loopback interface (localhost, 127.0.0.1 or [::1]); the emulator answers no other name.");
            return;
        }
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !IsLoopbackOrigin(origin))
        {
            await ApiResults.WriteErrorAsync(context, StatusCodes.Status403Forbidden,
                "Requests from web pages are refused: the Origin header must be a loopback origin (http://localhost, http://127.0.0.1 or http://[::1]).");
            return;
        }
        if (request.Path.StartsWithSegments(ControlPath.Root) && HasBody(request) && !request.HasJsonContentType())
        {
            await ApiResults.WriteErrorAsync(context, StatusCodes.Status415UnsupportedMediaType,
                "A control API request body must be sent as Content-Type: application/json.");
            return;
        }
        await next(context);
    }

    private static bool IsLoopback(string host) => LoopbackHosts.Contains(host, StringComparer.OrdinalIgnoreCase);

    private static bool IsLoopbackOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.AbsolutePath == "/" && uri.Query.Length == 0
        && IsLoopback(uri.Host);

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
}
