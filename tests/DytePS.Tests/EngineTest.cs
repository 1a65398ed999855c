using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Security;
using DytePS.Playground;
using DytePS.Testing;
using Xunit;

namespace DytePS.Tests;

/// <summary>
/// Base of the engine tests: a fresh emulator organization, a PowerShell runspace with DytePS
/// imported from out/DytePS, and a connection made with Connect-Dyte. The request log starts
/// empty, so tests can count exactly what their script sent.
/// </summary>
public abstract class EngineTest : IAsyncLifetime
{
    protected TestOrganization Org { get; private set; } = null!;
    protected DyteShell Shell { get; private set; } = null!;

    /// <summary>Set false for tests that connect (or not) themselves.</summary>
    protected virtual bool ConnectOnStart => true;

    /// <summary>
    /// True to run the test class against the emulator's Cloudflare RealtimeKit route shape
    /// (Bearer token, /client/v4/accounts/{account}/realtime/kit/{app}) instead of Dyte's /v2.
    /// </summary>
    protected virtual bool RealtimeKit => false;

    public virtual async Task InitializeAsync()
    {
        Org = await SharedEmulator.NewOrganizationAsync();
        Shell = DyteShell.Open();
        Shell.SetVariable("DyteTestKey", Secure(Org.ApiKey));
        Shell.SetVariable("DyteTestOrg", Org.Id);
        Shell.SetVariable("DyteTestUri", Org.ApiBaseUri.ToString());
        Shell.SetVariable("DyteTestAccount", Org.AccountId);
        Shell.SetVariable("DyteTestRtkRoot", Org.RealtimeKitRoot.ToString());
        if (ConnectOnStart)
        {
            Run(RealtimeKit
                ? "Connect-Dyte -AccountId $DyteTestAccount -AppId $DyteTestOrg -ApiToken $DyteTestKey -BaseUri $DyteTestRtkRoot"
                : "Connect-Dyte -BaseUri $DyteTestUri -OrganizationId $DyteTestOrg -ApiKey $DyteTestKey").ThrowIfFailed();
            await Org.ClearRequestsAsync();
        }
    }

    public virtual Task DisposeAsync()
    {
        Shell.Dispose();
        return Task.CompletedTask;
    }

    protected ShellResult Run(string script) => Shell.Run(script);

    protected Task<IReadOnlyList<LoggedRequest>> RequestsAsync() => Org.RequestsAsync();

    /// <summary>
    /// The request log once every request sent so far has reached it. The emulator logs a request
    /// when its handler ends, which for a request the client cancelled (a page read ahead, a
    /// stopped pipeline) can be after the command returned. So this sends a marker request of its
    /// own (GET /webhooks?settled=&lt;guid&gt;, left out of the result) and waits, polling, until the log
    /// has it; 30 s only as a hang guard.
    /// </summary>
    protected async Task<IReadOnlyList<LoggedRequest>> SettledRequestsAsync()
    {
        var marker = Guid.NewGuid().ToString("N");
        Run($"Invoke-DyteRequest -Method GET -Path webhooks -Query @{{ settled = '{marker}' }} | Out-Null").ThrowIfFailed();
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var requests = await RequestsAsync();
            if (requests.Any(r => r.Path.Contains(marker, StringComparison.Ordinal)))
                return requests.Where(r => !r.Path.Contains(marker, StringComparison.Ordinal)).ToList();
            await Task.Delay(20, guard.Token);
        }
    }

    protected static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    /// <summary>Every piece of text a run produced: output, every stream, error details, host text.</summary>
    protected string AllText(ShellResult result)
    {
        var parts = new List<string?> { Shell.Host.Text };
        parts.AddRange(result.Output.Select(o => o?.ToString()));
        parts.AddRange(result.Output.SelectMany(o => o?.Properties.Select(p => SafeValue(p)) ?? []));
        parts.AddRange(result.Verbose);
        parts.AddRange(result.Warnings);
        parts.AddRange(result.Debug);
        parts.AddRange(result.Information);
        foreach (var error in result.Errors)
        {
            parts.Add(error.ToString());
            parts.Add(error.Exception?.ToString());
            parts.Add(error.ErrorDetails?.Message);
            parts.Add(error.ErrorDetails?.RecommendedAction);
            parts.Add(error.TargetObject?.ToString());
        }
        parts.Add(result.Terminating?.ToString());
        return string.Join("\n", parts.Where(p => p != null));
    }

    private static string? SafeValue(PSPropertyInfo property)
    {
        try { return property.Value?.ToString(); }
        catch (GetValueException) { return null; }
    }
}

internal static class TestAssemblySetup
{
    /// <summary>
    /// Engine tests block a thread on each script while the in-process emulator serves it from
    /// the pool; enough pool threads up front keeps 2-core machines from starving.
    /// </summary>
    [ModuleInitializer]
    internal static void RaiseThreadPoolMinimum() => ThreadPool.SetMinThreads(64, 64);
}
