namespace DytePS.Emulator.State;

/// <summary>Bulk data for demos, tests and benchmarks.</summary>
public static class Seeder
{
    /// <summary>Adds <paramref name="count"/> meetings titled "prefix 1".."prefix N", one millisecond apart.</summary>
    public static int AddMeetings(Organization organization, EmulatorState state, int count, string titlePrefix)
    {
        var start = state.UtcNow.AddMilliseconds(-count);
        lock (organization.Gate)
        {
            var first = organization.Meetings.Count + 1;
            for (var i = 0; i < count; i++)
            {
                var created = start.AddMilliseconds(i);
                organization.Meetings.Add(new MeetingRecord
                {
                    Title = $"{titlePrefix} {first + i}",
                    CreatedAt = created,
                    UpdatedAt = created,
                });
            }
        }
        return count;
    }
}
