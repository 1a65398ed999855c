using Xunit;

namespace DytePS.Tests.Contract;

/// <summary>
/// Answers the document allows (or a service may send) with values the module cannot read as its
/// types: the object is still written, the listing goes on, the property is left empty and the
/// value as sent is in UnreadValues; fields the document types as plain text keep what was sent.
/// </summary>
public sealed class UnreadValueTests(ContractFixture fixture) : IClassFixture<ContractFixture>
{
    [Fact]
    public void A_meeting_with_an_id_and_a_date_the_module_cannot_read_does_not_end_the_listing()
    {
        fixture.Api.Begin("listMeetings", """
            {"success": true, "data": [
              {"id": "0b6c1f1e-1111-4a4a-9a9a-000000000001", "title": "First", "created_at": "2026-01-02T03:04:05Z"},
              {"id": "not-a-uuid", "title": "Second", "created_at": "2016-12-31T23:59:60Z", "updated_at": "2026-01-02T03:04:05+23:00"},
              {"id": "0B6C1F1E-1111-4A4A-9A9A-000000000003", "title": "Third", "created_at": "2026-01-02t03:04:05.123456789z"}
            ]}
            """);

        var result = fixture.Shell.Run("Get-DyteMeeting").ThrowIfFailed();

        Assert.Equal(["First", "Second", "Third"], result.Output.Select(o => o.Str("Title")));
        var second = result.Output[1];
        Assert.Equal(Guid.Empty, second.Id());
        Assert.Null(second.Properties["CreatedAt"].Value);
        var unread = Assert.IsAssignableFrom<System.Collections.IDictionary>(second.Properties["UnreadValues"].Value);
        Assert.Equal("not-a-uuid", unread["id"]);
        Assert.Equal("2016-12-31T23:59:60Z", unread["created_at"]);
        // An offset beyond ±14:00 is RFC 3339 but not a DateTimeOffset.
        Assert.Equal("2026-01-02T03:04:05+23:00", unread["updated_at"]);
        Assert.Null(result.Output[0].Properties["UnreadValues"].Value);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), result.Output[0].Get<DateTimeOffset>("CreatedAt"));
        // Lower-case t and z and nine fraction digits are RFC 3339 and read.
        Assert.Equal(Guid.Parse("0b6c1f1e-1111-4a4a-9a9a-000000000003"), result.Output[2].Id());
        Assert.Null(result.Output[2].Properties["UnreadValues"].Value);
    }

    [Fact]
    public void A_session_keeps_its_associated_id_as_sent_and_counts_beyond_32_bits()
    {
        fixture.Api.Begin("getSession", """
            {"success": true, "data": {"id": "0b6c1f1e-1111-4a4a-9a9a-000000000001", "associated_id": "meeting-42",
              "status": "ended", "live_participants": 1099511627776, "max_concurrent_participants": 3, "minutes_consumed": 1e300}}
            """);

        var session = Assert.Single(fixture.Shell.Run("Get-DyteSession -SessionId 0b6c1f1e-1111-4a4a-9a9a-000000000001").ThrowIfFailed().Output);

        Assert.Equal("meeting-42", session.Str("AssociatedId"));
        Assert.Equal("meeting-42", session.Str("MeetingId"));
        Assert.Equal("ended", session.Str("Status"));
        Assert.Equal(1099511627776L, session.Get<long>("LiveParticipants"));
        Assert.Null(session.Properties["UnreadValues"].Value);
    }
}
