using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using DytePS.Infrastructure;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets webhooks: all of them, by id, or by name (wildcards allowed).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DyteWebhook", DefaultParameterSetName = ByNameSet)]
    [OutputType(typeof(Webhook))]
    public sealed class GetDyteWebhookCommand : DyteCmdlet
    {
        private const string ByNameSet = "ByName";
        private const string ByIdSet = "ById";

        [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "webhook_id")]
        public Guid[] WebhookId { get; set; } = Array.Empty<Guid>();

        /// <summary>Names to match; wildcards such as old* are allowed. A plain name that matches nothing is an error.</summary>
        [Parameter(Position = 0, ParameterSetName = ByNameSet)]
        [ValidateNotBlank]
        [ValidateLength(1, 255)]
        [SupportsWildcards]
        public string[]? Name { get; set; }

        // The service has no paging and no lookup by id: one list per command, filtered here.
        private List<Webhook>? _all;

        protected override void ProcessRecord()
        {
            if (_all is null && !TryInvoke(null, (client, token) => client.Webhooks.ListAsync(token), out _all)) return;
            if (ParameterSetName == ByIdSet)
                WriteById(_all);
            else
                WriteByName(_all);
        }

        private void WriteById(List<Webhook> all)
        {
            foreach (var id in WebhookId)
            {
                var webhook = all.FirstOrDefault(w => w.Id == id);
                if (webhook != null)
                    WriteObject(webhook);
                else
                    WriteError(DyteErrors.NotFound($"No webhook has the id {id}.", id));
            }
        }

        private void WriteByName(List<Webhook> all)
        {
            if (Name is null)
            {
                WriteObject(all, enumerateCollection: true);
                return;
            }
            var patterns = Name.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            WriteObject(all.Where(w => patterns.Any(p => p.IsMatch(w.Name ?? string.Empty))), enumerateCollection: true);
            foreach (var name in Name.Where(n => !WildcardPattern.ContainsWildcardCharacters(n)))
            {
                if (!all.Any(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase)))
                    WriteError(DyteErrors.NotFound($"No webhook is named '{name}'.", name));
            }
        }
    }
}
