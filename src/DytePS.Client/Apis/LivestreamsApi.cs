using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DytePS.Client
{
    /// <summary>listLivestreams, getActiveLivestream, startLivestream, stopLivestream.</summary>
    public sealed class LivestreamsApi
    {
        private readonly DyteClient _client;

        internal LivestreamsApi(DyteClient client) => _client = client;

        /// <summary>The meeting's livestreams; paged where the service pages, whole where it answers without a paging block.</summary>
        public IAsyncEnumerable<DytePage<Livestream>> ListAsync(Guid meetingId, PageRequest slice, CancellationToken cancellationToken) =>
            _client.PagesAsync<Livestream>(() => new DyteRequest("GET", DyteRequest.PathOf("meetings", meetingId, "livestreams")), slice, cancellationToken)
                .WithEach(l => l.MeetingId = meetingId, cancellationToken);

        /// <summary>One of the meeting's livestreams by id (the service has no such lookup), or null.</summary>
        public async Task<Livestream?> FindAsync(Guid meetingId, Guid livestreamId, CancellationToken cancellationToken)
        {
            await foreach (var page in ListAsync(meetingId, PageRequest.All, cancellationToken).ConfigureAwait(false))
            {
                foreach (var livestream in page.Items)
                {
                    if (livestream.Id == livestreamId) return livestream;
                }
            }
            return null;
        }

        public async Task<Livestream> GetActiveAsync(Guid meetingId, CancellationToken cancellationToken) =>
            ForMeeting(meetingId, await _client.GetDataAsync<Livestream>(
                new DyteRequest("GET", DyteRequest.PathOf("meetings", meetingId, "active-livestream")), cancellationToken).ConfigureAwait(false));

        public async Task<Livestream> StartAsync(Guid meetingId, string? name, CancellationToken cancellationToken) =>
            ForMeeting(meetingId, await _client.GetDataAsync<Livestream>(
                new DyteRequest("POST", DyteRequest.PathOf("meetings", meetingId, "livestreams"))
                    .WithJsonBody(new NewLivestream { Name = name }).AsCreate(),
                cancellationToken).ConfigureAwait(false));

        public Task StopAsync(Guid meetingId, CancellationToken cancellationToken) =>
            _client.SendAsync(new DyteRequest("POST", DyteRequest.PathOf("meetings", meetingId, "active-livestream", "stop")), cancellationToken);

        private static Livestream ForMeeting(Guid meetingId, Livestream livestream)
        {
            if (livestream.MeetingId == Guid.Empty) livestream.MeetingId = meetingId;
            return livestream;
        }
    }
}
