namespace DytePS.Emulator.State;

/// <summary>Bulk data for demos, tests and benchmarks.</summary>
public static class Seeder
{
    public const string DefaultPresetName = "group_call_participant";

    /// <summary>Adds <paramref name="count"/> meetings titled "prefix 1".."prefix N", one millisecond apart.</summary>
    public static int AddMeetings(Organization organization, EmulatorState state, int count, string titlePrefix) =>
        AddMeetings(organization, state, count, titlePrefix, 0, DefaultPresetName).Meetings;

    /// <summary>
    /// Adds meetings as above, each with <paramref name="participantsPerMeeting"/> participants named
    /// "Participant 1".."Participant N"; answers how many meetings and participants were created.
    /// </summary>
    public static (int Meetings, int Participants) AddMeetings(
        Organization organization, EmulatorState state, int count, string titlePrefix, int participantsPerMeeting, string presetName)
    {
        var start = state.UtcNow.AddMilliseconds(-count);
        lock (organization.Gate)
        {
            var first = organization.Meetings.Count + 1;
            for (var i = 0; i < count; i++)
            {
                var created = start.AddMilliseconds(i);
                var meeting = new MeetingRecord
                {
                    Title = $"{titlePrefix} {first + i}",
                    CreatedAt = created,
                    UpdatedAt = created,
                };
                organization.Meetings.Add(meeting);
                AddParticipants(organization, meeting, participantsPerMeeting, presetName, created);
            }
        }
        return (count, count * participantsPerMeeting);
    }

    /// <summary>Adds participants "Participant 1".."Participant N" to a meeting. Call under the organization's lock.</summary>
    public static void AddParticipants(Organization organization, MeetingRecord meeting, int count, string presetName, DateTime created)
    {
        for (var i = 1; i <= count; i++)
        {
            organization.Participants.Add(new ParticipantRecord
            {
                MeetingId = meeting.Id,
                Name = $"Participant {i}",
                PresetName = presetName,
                CreatedAt = created,
                UpdatedAt = created,
            });
        }
    }
}
