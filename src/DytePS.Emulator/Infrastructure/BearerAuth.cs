using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using DytePS.Emulator.State;

namespace DytePS.Emulator.Infrastructure;

/// <summary>
/// Authenticates requests under the Cloudflare RealtimeKit prefix
/// (<c>/client/v4/accounts/{accountId}/realtime/kit/{appId}</c>): <c>Authorization: Bearer &lt;token&gt;</c>,
/// where the app is the organization (app_id = organization id), the token its API key, and the
/// account its account_id. Any mismatch, an unknown app included, answers 401: a token only ever
/// opens the app it belongs to.
/// </summary>
public sealed class BearerAuthFilter(EmulatorState state) : IEndpointFilter
{
    private const string RealtimeKitKey = "dyte.realtimekit";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.Items[RealtimeKitKey] = true;
        var organization = Authenticate(http);
        if (organization is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer realm=\"RealtimeKit\"";
            return Results.Json(ApiResults.ErrorBody(401, "Unauthorized"), ApiJson.Options, statusCode: 401);
        }
        ApiCaller.Authenticated(http, organization);
        return await next(context);
    }

    private Organization? Authenticate(HttpContext http)
    {
        var appId = http.GetRouteValue("appId") as string ?? "";
        var accountId = http.GetRouteValue("accountId") as string ?? "";
        // As for Basic: only a real organization's id is kept for the log.
        if (state.Find(appId) != null) ApiCaller.Claimed(http, appId);
        if (!AuthenticationHeaderValue.TryParse(http.Request.Headers.Authorization.ToString(), out var header)
            || !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrEmpty(header.Parameter))
            return null;
        var organization = state.Find(appId);
        if (organization is null || !string.Equals(organization.AccountId, accountId, StringComparison.OrdinalIgnoreCase)) return null;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(organization.ApiKey), Encoding.UTF8.GetBytes(header.Parameter))
            ? organization
            : null;
    }

    /// <summary>Whether the request came in under the RealtimeKit prefix, where some Dyte fields do not exist.</summary>
    public static bool IsRealtimeKit(HttpContext context) => context.Items[RealtimeKitKey] is true;
}
