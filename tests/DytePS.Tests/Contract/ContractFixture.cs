using DytePS.Playground;
using Xunit;

namespace DytePS.Tests.Contract;

/// <summary>The loopback API and one engine connected to it, shared by the property tests of a class.</summary>
public sealed class ContractFixture : IAsyncLifetime
{
    public LoopbackApi Api { get; private set; } = null!;
    public DyteShell Shell { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await LoopbackApi.StartAsync();
        Shell = DyteShell.Open();
        Shell.SetVariable("key", EngineTestSecrets.Secure("property-test-key"));
        Shell.SetVariable("uri", Api.BaseUri.ToString());
        Shell.Run("Connect-Dyte -BaseUri $uri -OrganizationId 4c5f2b7e-8d1a-4e3b-9f6c-0a1b2c3d4e5f -ApiKey $key -MaximumRetryCount 0 -ErrorAction Stop").ThrowIfFailed();
    }

    public async Task DisposeAsync()
    {
        Shell.Dispose();
        await Api.DisposeAsync();
    }
}

internal static class EngineTestSecrets
{
    public static System.Security.SecureString Secure(string text)
    {
        var secure = new System.Security.SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }
}
