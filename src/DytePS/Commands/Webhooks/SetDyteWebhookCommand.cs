using System;
using System.Linq;
using System.Management.Automation;
using DytePS.Client;
using DytePS.Infrastructure;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Changes a webhook's name, URL or events; what is not given keeps its current value.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "DyteWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Webhook))]
    public sealed class SetDyteWebhookCommand : DyteCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "webhook_id")]
        public Guid WebhookId { get; set; }

        [Parameter]
        [ValidateNotBlank]
        [ValidateLength(1, 255)]
        public string? Name { get; set; }

        [Parameter]
        [ValidateAbsoluteHttpUri]
        public string? Url { get; set; }

        [Parameter]
        [ValidateSet(WebhookEvents.MeetingStarted, WebhookEvents.MeetingEnded, WebhookEvents.ParticipantJoined,
            WebhookEvents.ParticipantLeft, WebhookEvents.RecordingStatusUpdate, WebhookEvents.LivestreamingStatusUpdate)]
        public string[]? Event { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            if (Name is null && Url is null && Event is null)
                ThrowTerminatingError(DyteErrors.InvalidArgument("DyteNothingToChange",
                    "Give -Name, -Url or -Event: there is nothing to change.", null));
        }

        protected override void ProcessRecord()
        {
            if (!ShouldProcess($"Webhook {WebhookId}", "Update")) return;

            var definition = new WebhookDefinition
            {
                Name = Name,
                Url = UriText.ForApi(Url),
                Events = Event is null ? null : WebhookEventParameter.Canonical(Event),
            };
            // updateWebhook wants name, url and events together: only when some were not given is the
            // webhook read for its current values (the service has no lookup by id, so that is the list).
            if ((definition.Name is null || definition.Url is null || definition.Events is null) && !FillFromCurrent(definition)) return;
            if (TryInvoke(WebhookId, (client, token) => client.Webhooks.UpdateAsync(WebhookId, definition, token), out var updated) && PassThru)
                WriteObject(updated);
        }

        /// <summary>Completes <paramref name="definition"/> from the webhook as it is; false (with an error written) when it cannot.</summary>
        private bool FillFromCurrent(WebhookDefinition definition)
        {
            if (!TryInvoke(WebhookId, (client, token) => client.Webhooks.ListAsync(token), out var all)) return false;
            var current = all.FirstOrDefault(w => w.Id == WebhookId);
            if (current is null)
            {
                WriteError(DyteErrors.NotFound($"No webhook has the id {WebhookId}.", WebhookId));
                return false;
            }
            definition.Name ??= current.Name;
            definition.Url ??= current.Url;
            definition.Events ??= current.Events;
            // The service's answer may leave a field out; sending the update without it would be refused.
            var missing = definition.Name is null ? "-Name" : definition.Url is null ? "-Url" : definition.Events is null ? "-Event" : null;
            if (missing is null) return true;
            WriteError(DyteErrors.InvalidArgument("DyteWebhookIncomplete",
                $"The service did not say webhook {WebhookId}'s current {missing.TrimStart('-')} value, and the update needs it: give {missing}.", WebhookId));
            return false;
        }
    }
}
