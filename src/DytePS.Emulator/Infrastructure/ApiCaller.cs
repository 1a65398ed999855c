using DytePS.Emulator.State;

namespace DytePS.Emulator.Infrastructure;

/// <summary>
/// Who an API request comes from, as the authentication filter in front of it (Basic on /v2,
/// Bearer on the RealtimeKit prefix) decided, kept in the request's items for the filters and
/// handlers behind it.
/// </summary>
public static class ApiCaller
{
    private const string OrganizationKey = "dyte.organization";
    private const string ClaimedIdKey = "dyte.claimed-organization-id";
    private const string LoggedPathKey = "dyte.logged-path";

    public static void Authenticated(HttpContext context, Organization organization) => context.Items[OrganizationKey] = organization;

    /// <summary>Even a failed attempt is logged under the organization it claimed to be.</summary>
    public static void Claimed(HttpContext context, string organizationId) => context.Items[ClaimedIdKey] = organizationId;

    /// <summary>The organization id the request authenticated as, or claimed to be; null when it sent no usable credentials.</summary>
    public static string? OrganizationIdOf(HttpContext context) =>
        (context.Items[OrganizationKey] as Organization)?.Id ?? context.Items[ClaimedIdKey] as string;

    /// <summary>The organization the authentication filter accepted for this request.</summary>
    public static Organization OrganizationOf(HttpContext context) =>
        context.Items[OrganizationKey] as Organization
        ?? throw new InvalidOperationException("The endpoint is not behind an authentication filter.");

    /// <summary>Logs the request under this path instead of the one it was sent to (see <see cref="LoggedPathOf"/>).</summary>
    public static void LogPathAs(HttpContext context, string path) => context.Items[LoggedPathKey] = path;

    /// <summary>The path the request log shows: the one requested, unless a filter redacted it.</summary>
    public static string LoggedPathOf(HttpContext context) =>
        context.Items[LoggedPathKey] as string ?? context.Request.PathBase + context.Request.Path + context.Request.QueryString;
}
