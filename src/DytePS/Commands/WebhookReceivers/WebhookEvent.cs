using System;
using System.Management.Automation;
using DytePS.Client;

namespace DytePS
{
    /// <summary>
    /// A verified webhook delivery: the event name, the delivery's ids, the ids most scripts
    /// act on, and the parts of the payload as objects (Data holds all of it).
    /// </summary>
    public sealed class WebhookEvent
    {
        private WebhookEvent(string eventName, PSObject data)
        {
            Event = eventName;
            Data = data;
        }

        /// <summary>meeting.started, recording.statusUpdate, ...</summary>
        public string Event { get; }

        /// <summary>Unique per event, the same on every retry of it: use it to ignore repeats.</summary>
        public string? Uuid { get; private set; }

        public string? WebhookId { get; private set; }

        /// <summary>Dyte or RealtimeKit, from the header set that carried the signature.</summary>
        public DyteBackend Source { get; private set; }

        public Guid? MeetingId { get; private set; }
        public Guid? SessionId { get; private set; }
        public PSObject? Meeting { get; private set; }
        public PSObject? Participant { get; private set; }
        public PSObject? Recording { get; private set; }

        /// <summary>The whole payload.</summary>
        public PSObject Data { get; }

        internal static WebhookEvent From(Infrastructure.WebhookDelivery delivery, PSObject data)
        {
            var meeting = data.Properties["meeting"]?.Value as PSObject;
            return new WebhookEvent(data.Properties["event"]?.Value?.ToString() ?? string.Empty, data)
            {
                Uuid = delivery.Uuid,
                WebhookId = delivery.WebhookId,
                Source = delivery.Prefix == "rtk" ? DyteBackend.RealtimeKit : DyteBackend.Dyte,
                Meeting = meeting,
                Participant = data.Properties["participant"]?.Value as PSObject,
                Recording = data.Properties["recording"]?.Value as PSObject,
                MeetingId = GuidOf(meeting?.Properties["id"]?.Value ?? data.Properties["meetingId"]?.Value),
                SessionId = GuidOf(meeting?.Properties["sessionId"]?.Value),
            };
        }

        private static Guid? GuidOf(object? value) => Guid.TryParse(value?.ToString(), out var id) ? id : (Guid?)null;

        public override string ToString() => $"{Event} ({Uuid})";
    }
}
