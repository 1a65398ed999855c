using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DytePS.Playground;

namespace DytePS.Benchmarks;

/// <summary>
/// The emulator in its own process (so its threads and garbage collections do not land in the
/// measurements, and vice versa), and helpers to make organizations with data in it.
/// </summary>
internal sealed partial class Bench : IAsyncDisposable
{
    private static readonly HttpClient Control = new();
    private readonly Process _emulator;

    private Bench(Process emulator, Uri apiBaseUri)
    {
        _emulator = emulator;
        ApiBaseUri = apiBaseUri;
        ControlUri = new Uri(apiBaseUri, "/_emulator/");
    }

    public Uri ApiBaseUri { get; }
    public Uri ControlUri { get; }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+/v2)")]
    private static partial Regex Listening();

    public static async Task<Bench> StartAsync()
    {
        var emulatorDll = Path.Combine(BuildPaths.RepoRoot, "src", "DytePS.Emulator", "bin", "Release", "net10.0", "DytePS.Emulator.dll");
        if (!File.Exists(emulatorDll)) throw new FileNotFoundException("Build the emulator first: dotnet build -c Release src/DytePS.Emulator", emulatorDll);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { emulatorDll, "--port", "0", "--rate-limit", "0", "--lifecycle-delay", "0" }) start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            var match = Listening().Match(line);
            if (match.Success)
            {
                _ = process.StandardOutput.ReadToEndAsync(); // keep draining
                return new Bench(process, new Uri(match.Groups[1].Value));
            }
        }
        throw new InvalidOperationException("The emulator exited: " + await process.StandardError.ReadToEndAsync());
    }

    /// <summary>A new organization with <paramref name="meetings"/> meetings.</summary>
    public async Task<(string Id, string Key)> NewOrganizationAsync(int meetings)
    {
        using var created = await Control.PostAsJsonAsync(new Uri(ControlUri, "organizations"), new { });
        created.EnsureSuccessStatusCode();
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetString()!;
        using var seeded = await Control.PostAsJsonAsync(new Uri(ControlUri, $"organizations/{id}/seed"), new { meetings });
        seeded.EnsureSuccessStatusCode();
        return (id, body.GetProperty("api_key").GetString()!);
    }

    public async Task AddFaultAsync(string organizationId, object fault)
    {
        var body = JsonSerializer.SerializeToElement(fault);
        var withOrganization = new Dictionary<string, object?> { ["organization"] = organizationId };
        foreach (var property in body.EnumerateObject()) withOrganization[property.Name] = property.Value;
        using var response = await Control.PostAsJsonAsync(new Uri(ControlUri, "faults"), withOrganization);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A runspace with DytePS imported and connected to <paramref name="organization"/>.</summary>
    public DyteShell Shell((string Id, string Key) organization)
    {
        var shell = DyteShell.Open();
        shell.SetVariable("benchKey", Secure(organization.Key));
        shell.SetVariable("benchOrg", organization.Id);
        shell.SetVariable("benchUri", ApiBaseUri.ToString());
        shell.Run("Connect-Dyte -BaseUri $benchUri -OrganizationId $benchOrg -ApiKey $benchKey").ThrowIfFailed();
        return shell;
    }

    public RawClient Raw((string Id, string Key) organization) => new(ApiBaseUri, organization.Id, organization.Key);

    internal static System.Security.SecureString Secure(string text)
    {
        var secure = new System.Security.SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    public async ValueTask DisposeAsync()
    {
        _emulator.Kill(entireProcessTree: true);
        await _emulator.WaitForExitAsync();
        _emulator.Dispose();
    }
}
