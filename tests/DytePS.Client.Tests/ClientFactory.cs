using System.Security;
using DytePS.Testing;

namespace DytePS.Client.Tests;

internal static class ClientFactory
{
    public static DyteClient For(TestOrganization org, string? apiKey = null, TimeSpan? timeout = null) =>
        new(new DyteClientOptions
        {
            BaseUri = org.ApiBaseUri,
            Credential = new DyteApiKeyCredential(org.Id, Secure(apiKey ?? org.ApiKey)),
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        });

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
