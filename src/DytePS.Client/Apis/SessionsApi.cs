using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DytePS.Client
{
    /// <summary>listSessions, getSession, getActiveSession, listSessionParticipants.</summary>
    public sealed class SessionsApi
    {
        private readonly DyteClient _client;

        internal SessionsApi(DyteClient client) => _client = client;

        /// <param name="meetingId">Only this meeting's sessions (the service's associated_id filter).</param>
        /// <param name="status">LIVE or ENDED (the service's status filter).</param>
        public IAsyncEnumerable<DytePage<Session>> ListAsync(PageRequest slice, Guid? meetingId, string? status, CancellationToken cancellationToken) =>
            _client.PagesAsync<Session>(
                () => new DyteRequest("GET", "sessions")
                    .WithQuery("associated_id", meetingId?.ToString())
                    .WithQuery("status", status),
                slice, cancellationToken);

        public Task<Session> GetAsync(Guid sessionId, CancellationToken cancellationToken) =>
            _client.GetDataAsync<Session>(new DyteRequest("GET", DyteRequest.PathOf("sessions", sessionId)), cancellationToken);

        public Task<Session> GetActiveAsync(Guid meetingId, CancellationToken cancellationToken) =>
            _client.GetDataAsync<Session>(new DyteRequest("GET", DyteRequest.PathOf("active-sessions", meetingId)), cancellationToken);

        public IAsyncEnumerable<DytePage<SessionParticipant>> ListParticipantsAsync(Guid sessionId, PageRequest slice, CancellationToken cancellationToken) =>
            _client.PagesAsync<SessionParticipant>(() => new DyteRequest("GET", DyteRequest.PathOf("sessions", sessionId, "participants")), slice, cancellationToken)
                .WithEach(p => p.SessionId = sessionId, cancellationToken);
    }
}
