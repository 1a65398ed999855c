using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DytePS.Client
{
    /// <summary>listParticipants, getParticipant, addParticipant, updateParticipant, deleteParticipant, regenerateParticipantToken.</summary>
    public sealed class ParticipantsApi
    {
        private readonly DyteClient _client;

        internal ParticipantsApi(DyteClient client) => _client = client;

        public IAsyncEnumerable<DytePage<Participant>> ListAsync(Guid meetingId, PageRequest slice, CancellationToken cancellationToken) =>
            _client.PagesAsync<Participant>(() => new DyteRequest("GET", Path(meetingId)), slice, cancellationToken)
                .WithEach(p => p.MeetingId = meetingId, cancellationToken);

        public async Task<Participant> GetAsync(Guid meetingId, Guid participantId, CancellationToken cancellationToken) =>
            InMeeting(meetingId, await _client.GetDataAsync<Participant>(
                new DyteRequest("GET", Path(meetingId, participantId)), cancellationToken).ConfigureAwait(false));

        public async Task<Participant> AddAsync(Guid meetingId, NewParticipant participant, CancellationToken cancellationToken) =>
            InMeeting(meetingId, await _client.GetDataAsync<Participant>(
                new DyteRequest("POST", Path(meetingId)).WithJsonBody(participant).AsCreate(), cancellationToken).ConfigureAwait(false));

        public async Task<Participant> UpdateAsync(Guid meetingId, Guid participantId, ParticipantUpdate update, CancellationToken cancellationToken) =>
            InMeeting(meetingId, await _client.GetDataAsync<Participant>(
                new DyteRequest("PATCH", Path(meetingId, participantId)).WithJsonBody(update), cancellationToken).ConfigureAwait(false));

        public Task DeleteAsync(Guid meetingId, Guid participantId, CancellationToken cancellationToken) =>
            _client.SendAsync(new DyteRequest("DELETE", Path(meetingId, participantId)), cancellationToken);

        public async Task<ParticipantToken> RegenerateTokenAsync(Guid meetingId, Guid participantId, CancellationToken cancellationToken)
        {
            var token = await _client.GetDataAsync<ParticipantToken>(
                new DyteRequest("POST", Path(meetingId, participantId) + "/token"), cancellationToken).ConfigureAwait(false);
            token.MeetingId = meetingId;
            token.ParticipantId = participantId;
            return token;
        }

        private static string Path(Guid meetingId) => DyteRequest.PathOf("meetings", meetingId, "participants");

        private static string Path(Guid meetingId, Guid participantId) => DyteRequest.PathOf("meetings", meetingId, "participants", participantId);

        private static Participant InMeeting(Guid meetingId, Participant participant)
        {
            participant.MeetingId = meetingId;
            return participant;
        }
    }
}
