using System.Collections;
using System.Management.Automation;
using DytePS.Infrastructure;

namespace DytePS.Commands
{
    /// <summary>
    /// <para type="synopsis">Tells whether a webhook delivery really comes from Dyte or RealtimeKit: true or false.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "DyteWebhookSignature", DefaultParameterSetName = SignatureSet)]
    [OutputType(typeof(bool))]
    public sealed class TestDyteWebhookSignatureCommand : WebhookReceiverCommand
    {
        private const string SignatureSet = "Signature";
        private const string HeadersSet = "Headers";

        /// <summary>The dyte-signature (or rtk-signature) header value.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = SignatureSet)]
        [ValidateNotBlank]
        [ValidateLength(1, 4096)]
        public string? Signature { get; set; }

        /// <summary>The delivery's headers; the signature is taken from dyte-signature or rtk-signature.</summary>
        [Parameter(Mandatory = true, ParameterSetName = HeadersSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public IDictionary? Headers { get; set; }

        protected override void ProcessRecord()
        {
            var checkedDelivery = Check(Headers, Signature);
            if (checkedDelivery is null) return;
            if (checkedDelivery.Value.Delivery.Signature is null)
                WriteVerbose("The headers have no dyte-signature or rtk-signature.");
            WriteObject(checkedDelivery.Value.Valid);
        }
    }
}
