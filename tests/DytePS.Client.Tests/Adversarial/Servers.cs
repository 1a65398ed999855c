using DytePS.Testing;

namespace DytePS.Client.Tests.Adversarial;

/// <summary>Shared bits of the adversarial tests: clients for a <see cref="ScriptedServer"/> and a hang guard.</summary>
internal static class Servers
{
    /// <summary>Only a guard against a hang: a test that reaches it has failed.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    public static DyteClient ClientFor(ScriptedServer server, TimeSpan? timeout = null, DyteRetryOptions? retry = null, long? maxResponseSize = null)
    {
        var options = new DyteClientOptions
        {
            BaseUri = server.ApiBaseUri,
            Credential = new DyteApiKeyCredential("org-1", ClientFactory.Secure("key-1")),
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
            Retry = retry ?? new DyteRetryOptions { MaxRetries = 0 },
        };
        if (maxResponseSize.HasValue) options.MaxResponseSize = maxResponseSize.Value;
        return new DyteClient(options);
    }

    public const string Meeting = """{"success":true,"data":{"id":"6c9e5a1e-0000-4000-8000-000000000001","title":"Answered"}}""";

    public static readonly Guid MeetingId = Guid.Parse("6c9e5a1e-0000-4000-8000-000000000001");

    /// <summary>Waits for <paramref name="task"/>, failing instead of hanging.</summary>
    public static Task<T> Guarded<T>(this Task<T> task) => task.WaitAsync(HangGuard);

    public static Task Guarded(this Task task) => task.WaitAsync(HangGuard);
}
