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

            // updateWebhook wants name, url and events together: start from the current values.
            if (!TryInvoke(WebhookId, (client, token) => client.Webhooks.ListAsync(token), out var all)) return;
            var current = all.FirstOrDefault(w => w.Id == WebhookId);
            if (current is null)
            {
                WriteError(DyteErrors.NotFound($"No webhook has the id {WebhookId}.", WebhookId));
                return;
            }
            var definition = new WebhookDefinition
            {
                Name = Name ?? current.Name,
                Url = Url ?? current.Url,
                Events = Event is null ? current.Events : WebhookEventParameter.Canonical(Event),
            };
            if (TryInvoke(WebhookId, (client, token) => client.Webhooks.UpdateAsync(WebhookId, definition, token), out var updated) && PassThru)
                WriteObject(updated);
        }
    }
}
