using System.Diagnostics;
using System.Net.Http.Headers;
using DytePS.Emulator.State;

namespace DytePS.Emulator.Webhooks;

/// <summary>
/// Sends one delivery: POST of the event JSON with the signature headers; an attempt fails on a
/// non-2xx answer or no answer within <see cref="EmulatorOptions.WebhookTimeout"/> (3 s), and is
/// retried up to <see cref="Retries"/> times, waiting the organization's retry delay, doubled for
/// each retry. <see cref="OrganizationDeliveries"/> decides when and how many at once.
/// </summary>
public sealed class WebhookSender(WebhookSigner signer, DeliveryLog log, EmulatorState state, EmulatorOptions options) : IDisposable
{
    public const int Retries = 5;

    // No redirects: a receiver answering 3xx has not taken the event.
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>Attempts and retries the delivery until it succeeds, runs out of retries or is drained (its token fires).</summary>
    public async Task DeliverAsync(WebhookDelivery delivery)
    {
        var cancellation = delivery.Cancellation;
        var signature = signer.Sign(delivery.Body);
        var delay = delivery.Organization.WebhookRetryDelay;
        for (var attempt = 1; attempt <= 1 + Retries; attempt++)
        {
            // A reset organization forgets its pending deliveries.
            if (delivery.Organization.Generation != delivery.Generation || cancellation.IsCancellationRequested) return;
            if (await AttemptAsync(delivery, signature, attempt, cancellation)) return;
            if (attempt <= Retries)
            {
                await Task.Delay(delay, state.Clock, cancellation);
                delay *= 2;
            }
        }
    }

    private async Task<bool> AttemptAsync(WebhookDelivery delivery, string signature, int attempt, CancellationToken cancellation)
    {
        var prefix = delivery.Organization.Flavor == Organization.RealtimeKit ? "rtk-" : "dyte-";
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(delivery.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(prefix + "webhook-id", delivery.WebhookId.ToString());
        request.Headers.TryAddWithoutValidation(prefix + "uuid", delivery.Uuid.ToString());
        request.Headers.TryAddWithoutValidation(prefix + "signature", signature);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(options.WebhookTimeout);
        var clock = Stopwatch.StartNew();
        int? status = null;
        string? error = null;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            status = (int)response.StatusCode;
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            error = $"no answer within {options.WebhookTimeout.TotalSeconds:0.###} s";
        }
        catch (HttpRequestException e)
        {
            error = "connection failed: " + e.Message;
        }
        // Drained mid-attempt (reset, webhook deleted, emulator stopping): nothing to log for a delivery that no longer exists.
        cancellation.ThrowIfCancellationRequested();
        var delivered = status is >= 200 and < 300;
        log.Add(new DeliveryLogEntry(0, state.UtcNow, delivery.Organization.Id, delivery.EventName, delivery.WebhookId,
            DeliveryLog.Redact(delivery.Url), delivery.Uuid, attempt, delivered, status, error, clock.Elapsed.TotalMilliseconds));
        return delivered;
    }

    public void Dispose() => _http.Dispose();
}
