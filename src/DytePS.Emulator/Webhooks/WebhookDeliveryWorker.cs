using System.Diagnostics;
using System.Net.Http.Headers;
using DytePS.Emulator.State;

namespace DytePS.Emulator.Webhooks;

/// <summary>
/// Sends queued deliveries in the background, several at once so one slow receiver holds up no
/// other: POST of the event JSON with the signature headers; an attempt fails on a non-2xx answer
/// or no answer within <see cref="EmulatorOptions.WebhookTimeout"/> (3 s), and is retried up to
/// <see cref="Retries"/> times, waiting the organization's retry delay, doubled for each retry.
/// </summary>
public sealed class WebhookDeliveryWorker(
    WebhookDeliverer deliverer, WebhookSigner signer, DeliveryLog log, EmulatorState state, EmulatorOptions options,
    ILogger<WebhookDeliveryWorker> logger) : BackgroundService
{
    public const int Retries = 5;
    private const int Parallel = 64;

    // No redirects: a receiver answering 3xx has not taken the event.
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly SemaphoreSlim _slots = new(Parallel);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var delivery in deliverer.Queue.ReadAllAsync(stoppingToken))
            {
                await _slots.WaitAsync(stoppingToken);
                _ = Task.Run(async () =>
                {
                    try { await DeliverAsync(delivery, stoppingToken); }
                    catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
                    catch (Exception e) { logger.LogError(e, "Delivering {Event} failed", delivery.EventName); }
                    finally { _slots.Release(); }
                }, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(WebhookDelivery delivery, CancellationToken stoppingToken)
    {
        var signature = signer.Sign(delivery.Body);
        var delay = delivery.Organization.WebhookRetryDelay;
        for (var attempt = 1; attempt <= 1 + Retries; attempt++)
        {
            // A reset organization forgets its pending deliveries.
            if (delivery.Organization.Generation != delivery.Generation) return;
            if (await AttemptAsync(delivery, signature, attempt, stoppingToken)) return;
            if (attempt <= Retries)
            {
                await Task.Delay(delay, state.Clock, stoppingToken);
                delay *= 2;
            }
        }
    }

    private async Task<bool> AttemptAsync(WebhookDelivery delivery, string signature, int attempt, CancellationToken stoppingToken)
    {
        var prefix = delivery.Organization.Flavor == Organization.RealtimeKit ? "rtk-" : "dyte-";
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(delivery.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(prefix + "webhook-id", delivery.WebhookId.ToString());
        request.Headers.TryAddWithoutValidation(prefix + "uuid", delivery.Uuid.ToString());
        request.Headers.TryAddWithoutValidation(prefix + "signature", signature);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(options.WebhookTimeout);
        var clock = Stopwatch.StartNew();
        int? status = null;
        string? error = null;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            status = (int)response.StatusCode;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            error = $"no answer within {options.WebhookTimeout.TotalSeconds:0.###} s";
        }
        catch (HttpRequestException e)
        {
            error = "connection failed: " + e.Message;
        }
        var delivered = status is >= 200 and < 300;
        log.Add(new DeliveryLogEntry(0, state.UtcNow, delivery.Organization.Id, delivery.EventName, delivery.WebhookId,
            DeliveryLog.Redact(delivery.Url), delivery.Uuid, attempt, delivered, status, error, clock.Elapsed.TotalMilliseconds));
        return delivered;
    }

    public override void Dispose()
    {
        base.Dispose();
        _http.Dispose();
        _slots.Dispose();
    }
}
