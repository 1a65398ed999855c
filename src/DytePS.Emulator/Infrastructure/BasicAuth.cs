using System.Net.Http.Headers;
using System.Text;
using DytePS.Emulator.State;

namespace DytePS.Emulator.Infrastructure;

/// <summary>
/// Authenticates API requests (HTTP Basic organizationId:apiKey) and hands the handler its
/// organization. Anything else answers 401 with the error envelope.
/// </summary>
public sealed class BasicAuthFilter(EmulatorState state) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var organization = Authenticate(http);
        if (organization is null)
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"Dyte\"";
            return Results.Json(ApiResults.ErrorBody(401, "Unauthorized"), ApiJson.Options, statusCode: 401);
        }
        ApiCaller.Authenticated(http, organization);
        return await next(context);
    }

    private Organization? Authenticate(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || value.Parameter is null)
            return null;
        string pair;
        try { pair = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter)); }
        catch (FormatException) { return null; }
        var colon = pair.IndexOf(':');
        if (colon <= 0) return null;
        var id = pair[..colon];
        // Filed under the organization it names only when that is a real organization's id: a
        // user name that is none (an API key given as the user name, say) is never kept.
        if (state.Find(id) != null) ApiCaller.Claimed(http, id);
        return state.Authenticate(id, pair[(colon + 1)..]);
    }
}
