namespace DytePS.Emulator.State;

/// <summary>A webhook subscription (the document's Webhook schema plus the service's enabled and created_at/updated_at).</summary>
public sealed class WebhookRecord : IEntity
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string Name { get; set; }
    public required string Url { get; set; }
    public required IReadOnlyList<string> Events { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>A snapshot for the response; take it under the organization's lock.</summary>
    public WebhookView View() => new(Id, Name, Url, Events.ToArray(), Enabled, CreatedAt, UpdatedAt);
}

public sealed record WebhookView(Guid Id, string Name, string Url, string[] Events, bool Enabled, DateTime CreatedAt, DateTime UpdatedAt);
