using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace DytePS.Client
{
    /// <summary>listRecordings, getRecording, getActiveRecording, startRecording, updateRecording.</summary>
    public sealed class RecordingsApi
    {
        private readonly DyteClient _client;

        internal RecordingsApi(DyteClient client) => _client = client;

        /// <param name="meetingId">Only this meeting's recordings (the service's meeting_id filter).</param>
        /// <param name="status">Only recordings in this status (the service's status filter).</param>
        public IAsyncEnumerable<DytePage<Recording>> ListAsync(PageRequest slice, Guid? meetingId, string? status, CancellationToken cancellationToken) =>
            _client.PagesAsync<Recording>(
                () => new DyteRequest("GET", "recordings")
                    .WithQuery("meeting_id", meetingId?.ToString())
                    .WithQuery("status", status),
                slice, cancellationToken);

        public Task<Recording> GetAsync(Guid recordingId, CancellationToken cancellationToken) =>
            _client.GetDataAsync<Recording>(new DyteRequest("GET", DyteRequest.PathOf("recordings", recordingId)), cancellationToken);

        public Task<Recording> GetActiveAsync(Guid meetingId, CancellationToken cancellationToken) =>
            _client.GetDataAsync<Recording>(new DyteRequest("GET", DyteRequest.PathOf("recordings", "active-recordings", meetingId)), cancellationToken);

        public Task<Recording> StartAsync(NewRecording recording, CancellationToken cancellationToken) =>
            _client.GetDataAsync<Recording>(new DyteRequest("POST", "recordings").WithJsonBody(recording).AsCreate(), cancellationToken);

        /// <summary>
        /// Streams an UPLOADED recording's file into <paramref name="destination"/> from its
        /// download_url; <paramref name="progress"/> gets bytes copied and the total when known.
        /// </summary>
        public Task<long> DownloadAsync(Recording recording, Stream destination, Action<long, long?>? progress, CancellationToken cancellationToken)
        {
            if (string.IsNullOrEmpty(recording.DownloadUrl) || !Uri.TryCreate(recording.DownloadUrl, UriKind.Absolute, out var url))
                throw new DyteException(DyteErrorKind.NotSupported, "GET", "/recordings/" + recording.Id, null,
                    $"the recording is {recording.Status} and has no download link yet; it gets one when UPLOADED");
            return _client.DownloadAsync(url, destination, progress, cancellationToken);
        }

        public Task<Recording> UpdateAsync(Guid recordingId, RecordingAction action, CancellationToken cancellationToken) =>
            _client.GetDataAsync<Recording>(
                new DyteRequest("PUT", DyteRequest.PathOf("recordings", recordingId))
                    .WithJsonBody(new RecordingActionRequest { Action = action.ToString().ToLowerInvariant() }),
                cancellationToken);
    }
}
