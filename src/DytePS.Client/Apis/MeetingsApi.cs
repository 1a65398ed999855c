using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DytePS.Client
{
    /// <summary>listMeetings, getMeeting, createMeeting, updateMeeting.</summary>
    public sealed class MeetingsApi
    {
        private readonly DyteClient _client;

        internal MeetingsApi(DyteClient client) => _client = client;

        /// <param name="search">Server-side search on the title (a filter of the real service).</param>
        public IAsyncEnumerable<DytePage<Meeting>> ListAsync(PageRequest slice, string? search, CancellationToken cancellationToken) =>
            _client.PagesAsync<Meeting>(() => new DyteRequest("GET", "meetings").WithQuery("search", search), slice, cancellationToken);

        public Task<Meeting> GetAsync(Guid meetingId, CancellationToken cancellationToken) =>
            _client.GetDataAsync<Meeting>(new DyteRequest("GET", DyteRequest.PathOf("meetings", meetingId)), cancellationToken);

        public Task<Meeting> CreateAsync(NewMeeting meeting, CancellationToken cancellationToken)
        {
            var request = new DyteRequest("POST", "meetings");
            if (meeting.PreferredRegion != null && _client.Backend == DyteBackend.RealtimeKit)
                throw new DyteException(DyteErrorKind.NotSupported, request.Method, request.DisplayPath(), null,
                    "Cloudflare RealtimeKit has no preferred region; leave PreferredRegion out on a RealtimeKit connection.");
            return _client.GetDataAsync<Meeting>(request.WithJsonBody(meeting).AsCreate(), cancellationToken);
        }

        public Task<Meeting> UpdateAsync(Guid meetingId, MeetingUpdate update, CancellationToken cancellationToken) =>
            _client.GetDataAsync<Meeting>(
                new DyteRequest("PATCH", DyteRequest.PathOf("meetings", meetingId)).WithJsonBody(update), cancellationToken);
    }
}
