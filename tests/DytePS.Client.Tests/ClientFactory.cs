using System.Security;
using DytePS.Testing;

namespace DytePS.Client.Tests;

internal static class ClientFactory
{
    public static DyteClient For(TestOrganization org, string? apiKey = null, TimeSpan? timeout = null, DyteRetryOptions? retry = null) =>
        For(org.ApiBaseUri, org.Id, apiKey ?? org.ApiKey, timeout, retry);

    public static DyteClient For(Uri baseUri, string organizationId, string apiKey, TimeSpan? timeout = null, DyteRetryOptions? retry = null) =>
        new(new DyteClientOptions
        {
            BaseUri = baseUri,
            Credential = new DyteApiKeyCredential(organizationId, Secure(apiKey)),
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
            Retry = retry ?? new DyteRetryOptions(),
        });

    /// <summary>Retries with millisecond backoff, so retry tests stay fast.</summary>
    public static DyteRetryOptions QuickRetries(int maxRetries = 3) => new()
    {
        MaxRetries = maxRetries,
        BaseDelay = TimeSpan.FromMilliseconds(5),
        MaxDelay = TimeSpan.FromMilliseconds(20),
    };

    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<DytePage<T>> pages)
    {
        var items = new List<T>();
        await foreach (var page in pages) items.AddRange(page.Items);
        return items;
    }
}
