namespace DytePS.Emulator.State;

/// <summary>
/// One organization's data. Every read or change of its tables happens under <see cref="Gate"/>,
/// so a request sees and leaves the organization consistent; organizations never share data.
/// </summary>
public sealed class Organization
{
    public Organization(string id, string apiKey)
    {
        Id = id;
        ApiKey = apiKey;
    }

    public string Id { get; }

    public string ApiKey { get; }

    public object Gate { get; } = new();

    public EntityTable<MeetingRecord> Meetings { get; } = new();

    /// <summary>Forgets everything the organization holds; its credentials stay valid.</summary>
    public void Reset()
    {
        lock (Gate)
        {
            Meetings.Clear();
        }
    }
}
