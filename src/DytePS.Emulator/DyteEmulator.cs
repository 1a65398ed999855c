using DytePS.Emulator.Api;
using DytePS.Emulator.Control;
using DytePS.Emulator.Events;
using DytePS.Emulator.Faults;
using DytePS.Emulator.Infrastructure;
using DytePS.Emulator.Persistence;
using DytePS.Emulator.State;
using DytePS.Emulator.Webhooks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;

namespace DytePS.Emulator;

/// <summary>
/// A running emulator: a real HTTP server on 127.0.0.1 serving the Dyte v2 API under <c>/v2</c>
/// and the control surface under <c>/_emulator</c>. Start it from the command line
/// (<c>dotnet run --project src/DytePS.Emulator</c>) or in-process with <see cref="StartAsync"/>.
/// </summary>
public sealed class DyteEmulator : IAsyncDisposable
{
    public const string ApiPrefix = "/v2";

    /// <summary>Cloudflare RealtimeKit's shape of the same API: the app is the organization.</summary>
    public const string RealtimeKitPrefix = "/client/v4/accounts/{accountId}/realtime/kit/{appId}";

    private readonly WebApplication _app;

    private DyteEmulator(WebApplication app, Uri root)
    {
        _app = app;
        Root = root;
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri Root { get; }

    /// <summary>The base URI to give Connect-Dyte: http://127.0.0.1:port/v2</summary>
    public Uri ApiBaseUri => new(Root, ApiPrefix);

    /// <summary>The RealtimeKit base URI of an organization: http://127.0.0.1:port/client/v4/accounts/{account}/realtime/kit/{organization}</summary>
    public Uri RealtimeKitBaseUri(string accountId, string organizationId) =>
        new(Root, RealtimeKitPrefix.Replace("{accountId}", accountId).Replace("{appId}", organizationId));

    /// <summary>http://127.0.0.1:port/_emulator/</summary>
    public Uri ControlUri => new(Root, ControlPath.Root + "/");

    public EmulatorState State => _app.Services.GetRequiredService<EmulatorState>();

    /// <param name="configureServices">
    /// Runs after the emulator's own registrations, so it can replace them; for example register
    /// an <see cref="IEmulatorEvents"/> that receives the webhook events.
    /// </param>
    public static async Task<DyteEmulator> StartAsync(
        EmulatorOptions options, CancellationToken cancellationToken = default, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, options.Port));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<EmulatorState>();
        builder.Services.AddSingleton<RequestLog>();
        builder.Services.AddSingleton<BasicAuthFilter>();
        builder.Services.AddSingleton<BearerAuthFilter>();
        builder.Services.AddSingleton<LifecycleFilter>();
        builder.Services.AddSingleton<FaultRegistry>();
        builder.Services.AddSingleton<FaultFilter>();
        builder.Services.AddSingleton<RateLimits>();
        builder.Services.AddSingleton<RateLimitFilter>();
        builder.Services.AddSingleton<ParticipantTokens>();
        builder.Services.AddSingleton<DeliveryLog>();
        // The container owns (and disposes) the store; the data file closes when the emulator stops.
        builder.Services.AddSingleton<IStateStore>(_ => options.DataFile is { } file ? new SqliteStateStore(file, options.DataFileBusyTimeout) : new MemoryStateStore());
        builder.Services.AddSingleton<WebhookSigner>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddSingleton<WebhookDeliverer>();
        builder.Services.AddSingleton<IEmulatorEvents>(services => services.GetRequiredService<WebhookDeliverer>());
        builder.Services.AddSingleton<EventDispatcher>();
        builder.Services.AddHostedService<LifecycleTicker>();
        configureServices?.Invoke(builder.Services);

        // The service's limit is not documented; 1 MiB is far above any real body (docs/emulator.md).
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = JsonBody.MaxBodyBytes);

        var app = builder.Build();
        // First: a request from a web page (foreign Host or Origin) is refused before anything else sees it.
        app.UseMiddleware<LoopbackOnlyMiddleware>();
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<ApiProblemMiddleware>();
        MapApi<BasicAuthFilter>(app.MapGroup(ApiPrefix));
        MapApi<BearerAuthFilter>(app.MapGroup(RealtimeKitPrefix));
        ControlEndpoints.Map(app);
        var faults = app.Services.GetRequiredService<FaultRegistry>();
        faults.Operations = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints)
            .Select(e => e.Metadata.GetMetadata<ApiOperation>()?.OperationId).OfType<string>().ToHashSet();

        var state = app.Services.GetRequiredService<EmulatorState>();
        IStateStore store;
        try
        {
            store = app.Services.GetRequiredService<IStateStore>();
            store.LoadInto(state);
        }
        catch (DataFileInUseException)
        {
            await app.DisposeAsync();
            throw;
        }
        // A --data file that cannot be created, opened or read (its folder missing, no permission,
        // not an emulator database): a bad option, not a crash.
        catch (Exception e) when (e is SqliteException or InvalidDataException or System.Text.Json.JsonException or IOException or UnauthorizedAccessException)
        {
            await app.DisposeAsync();
            throw new FormatException($"--data {options.DataFile}: {e.Message}", e);
        }
        foreach (var seed in options.OrganizationsOrDemo)
        {
            // An organization the data file already has keeps its saved credentials and data.
            if (state.Find(seed.Id) != null) continue;
            var organization = state.AddOrganization(seed.Id, seed.ApiKey, accountId: seed.AccountId);
            store.SaveOrganization(organization);
            Seeder.AddMeetings(organization, state, options.SeedMeetings, "Seeded meeting");
            store.Commit(organization);
        }
        // --fault: checked only now, against the mapped operations and the organizations.
        foreach (var fault in options.Faults)
        {
            try
            {
                faults.Add(fault);
            }
            catch (Exception e) when (e is ArgumentException or KeyNotFoundException)
            {
                await app.DisposeAsync();
                throw new FormatException($"--fault {fault.Operation}:{fault.Kind}: {e.Message}");
            }
        }

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DyteEmulator(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>
    /// Maps every API operation onto <paramref name="api"/>, behind <typeparamref name="TAuthentication"/>.
    /// Nothing depends on the group's prefix: /v2 (Basic) and the RealtimeKit prefix (Bearer) serve
    /// the same handlers under the same operationIds.
    /// </summary>
    private static void MapApi<TAuthentication>(RouteGroupBuilder api) where TAuthentication : IEndpointFilter
    {
        // In this order: authenticate, apply a fault, count against the rate limit (a faulted
        // request never reached the API), then advance the organization's lifecycles.
        api.AddEndpointFilter<TAuthentication>();
        api.AddEndpointFilter<FaultFilter>();
        api.AddEndpointFilter<RateLimitFilter>();
        api.AddEndpointFilter<LifecycleFilter>();
        MeetingEndpoints.Map(api);
        ParticipantEndpoints.Map(api);
        SessionEndpoints.Map(api);
        RecordingEndpoints.Map(api);
        LivestreamEndpoints.Map(api);
        WebhookEndpoints.Map(api);
        api.MapFallback(() => Results.Json(ApiResults.ErrorBody(404, "No such API path"), ApiJson.Options, statusCode: 404));
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
