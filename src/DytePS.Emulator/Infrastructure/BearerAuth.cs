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
            // The path holds the account and app ids; when the app is no organization, whatever
            // was put there (a token, swapped with the app id) is not kept in the request log.
            if (state.Find(http.GetRouteValue("appId") as string ?? "") is null)
                ApiCaller.LogPathAs(http, RedactedPath(http));
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

    private static string RedactedPath(HttpContext http)
    {
        var path = (http.Request.PathBase + http.Request.Path).ToString();
        var prefix = $"/client/v4/accounts/{http.GetRouteValue("accountId")}/realtime/kit/{http.GetRouteValue("appId")}";
        var rest = path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? path[prefix.Length..] : "";
        return "/client/v4/accounts/{accountId}/realtime/kit/{appId}" + rest + http.Request.QueryString;
    }

    /// <summary>Whether the request came in under the RealtimeKit prefix, where some Dyte fields do not exist.</summary>
    public static bool IsRealtimeKit(HttpContext context) => context.Items[RealtimeKitKey] is true;
}
