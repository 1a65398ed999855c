using System.Text.Json;
using DytePS.Emulator.State;

namespace DytePS.Emulator.Persistence;

/// <summary>
/// Entities as JSON documents in the data file: the records themselves (all their fields, due
/// times of pending lifecycle steps included), sessions as a <see cref="SessionSnapshot"/>.
/// </summary>
public static class EntityJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // Computed properties (IsActive, ...) are not state.
        IgnoreReadOnlyProperties = true,
    };

    public static string Serialize(string kind, IEntity entity) => kind == EntityKinds.Session
        ? JsonSerializer.Serialize(((SessionRecord)entity).Snapshot(), Options)
        : JsonSerializer.Serialize(entity, entity.GetType(), Options);

    /// <summary>Adds one saved entity to its table. Call in <see cref="EntityKinds.LoadOrder"/>.</summary>
    public static void Restore(Organization organization, string kind, string json)
    {
        switch (kind)
        {
            case EntityKinds.Meeting: organization.Meetings.Add(Read<MeetingRecord>(json)); break;
            case EntityKinds.Participant: organization.Participants.Add(Read<ParticipantRecord>(json)); break;
            case EntityKinds.Session:
                organization.Sessions.Add(SessionRecord.Restore(Read<SessionSnapshot>(json), organization.Participants.Find));
                break;
            case EntityKinds.Recording: organization.Recordings.Add(Read<RecordingRecord>(json)); break;
            case EntityKinds.Livestream: organization.Livestreams.Add(Read<LivestreamRecord>(json)); break;
            case EntityKinds.Webhook: organization.Webhooks.Add(Read<WebhookRecord>(json)); break;
            default: throw new InvalidDataException($"The data file holds an entity of unknown kind '{kind}'.");
        }
    }

    private static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"A saved {typeof(T).Name} is empty.");
}
