using DytePS.Emulator.Infrastructure;

namespace DytePS.Emulator.Webhooks;

/// <summary>
/// The most recent delivery attempts, for tests and users checking what their receiver got. Holds
/// no body, header or credential (URLs lose any user:password part).
/// </summary>
public sealed class DeliveryLog : OrganizationLog<DeliveryLogEntry>
{
    protected override DeliveryLogEntry Numbered(DeliveryLogEntry entry, long sequence) => entry with { Sequence = sequence };

    protected override string? OrganizationOf(DeliveryLogEntry entry) => entry.OrganizationId;

    protected override long SizeOf(DeliveryLogEntry entry) => TextBytes(entry.OrganizationId, entry.Event, entry.Url, entry.Error);

    /// <summary>The URL as logged: without a user:password part.</summary>
    public static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString()
            : url;
}

/// <summary>
/// One attempt: <see cref="Delivered"/> when the receiver answered 2xx in time; otherwise the
/// receiver's <see cref="Status"/>, or <see cref="Error"/> when there was no answer.
/// </summary>
public sealed record DeliveryLogEntry(
    long Sequence, DateTime Time, string OrganizationId, string Event, Guid WebhookId, string Url, Guid Uuid, int Attempt,
    bool Delivered, int? Status, string? Error, double DurationMs);
