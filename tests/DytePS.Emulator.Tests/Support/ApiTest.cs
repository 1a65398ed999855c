using Xunit;

namespace DytePS.Emulator.Tests.Support;

/// <summary>
/// Base of the API tests: each test gets its own organization (xunit makes a class instance per
/// test), with a lifecycle delay of 0 unless the class asks for another.
/// </summary>
public abstract class ApiTest : IAsyncLifetime
{
    protected ApiClient Org { get; private set; } = null!;

    protected virtual int LifecycleDelayMs => 0;

    public async Task InitializeAsync() => Org = await ApiClient.NewOrganizationAsync(LifecycleDelayMs);

    public Task DisposeAsync() => Task.CompletedTask;

    protected static string Id(System.Text.Json.JsonElement entity) => entity.GetProperty("id").GetString()!;

    protected static string Str(System.Text.Json.JsonElement entity, string name) => entity.GetProperty(name).GetString()!;

    protected static bool Has(System.Text.Json.JsonElement entity, string name) => entity.TryGetProperty(name, out _);
}
