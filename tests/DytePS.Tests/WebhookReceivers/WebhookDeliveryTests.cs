using System.Collections;
using System.Net;
using System.Text;
using DytePS.Testing;
using Xunit;

namespace DytePS.Tests.WebhookReceivers;

/// <summary>Real deliveries made by the emulator (dyte- and rtk- header sets), verified with the key the backend publishes.</summary>
public sealed class WebhookDeliveryTests : EngineTest
{
    protected override bool ConnectOnStart => false;

    private async Task<(string Body, Hashtable Headers)> ReceiveAsync(TestOrganization org, bool realtimeKit)
    {
        using var receiver = new WebhookReceiver("hook");
        Shell.SetVariable("key", Secure(org.ApiKey));
        Shell.SetVariable("url", receiver.Url);
        Shell.SetVariable("acct", org.AccountId);
        Shell.SetVariable("org", org.Id);
        Shell.SetVariable("root", org.RealtimeKitRoot.ToString());
        Shell.SetVariable("v2", org.ApiBaseUri.ToString());
        var ids = Run((realtimeKit
                ? "Connect-Dyte -AccountId $acct -AppId $org -ApiToken $key -BaseUri $root\n"
                : "Connect-Dyte -OrganizationId $org -ApiKey $key -BaseUri $v2\n") + """
            New-DyteWebhook -Name receiver -Url $url -Event meeting.participantJoined | Out-Null
            $m = New-DyteMeeting -Title Delivered
            $m.Id; (New-DyteParticipant -MeetingId $m.Id -PresetName host -Name Ada).Id
            """).ThrowIfFailed().Output.Select(o => (Guid)o.BaseObject).ToList();
        return await receiver.ReceiveAsync(() => org.JoinAsync(ids[0], ids[1]));
    }

    [Theory]
    [InlineData("dyte", false, "dyte-signature", "Dyte")]
    [InlineData("realtimekit", true, "rtk-signature", "RealtimeKit")]
    public async Task A_real_delivery_verifies_with_the_published_key(string flavor, bool realtimeKit, string signatureHeader, string source)
    {
        var org = await SharedEmulator.NewOrganizationAsync(flavor: flavor);
        var (body, headers) = await ReceiveAsync(org, realtimeKit);
        Shell.SetVariable("body", body);
        Shell.SetVariable("headers", headers);
        Shell.SetVariable("bytes", Encoding.UTF8.GetBytes(body));

        var converted = Run("ConvertFrom-DyteWebhook -Body $bytes -Headers $headers").ThrowIfFailed();
        var verified = Run("Test-DyteWebhookSignature -Body $body -Headers $headers").ThrowIfFailed();
        var tampered = Run("Test-DyteWebhookSignature -Body ($body + ' ') -Headers $headers").ThrowIfFailed();

        Assert.True(headers.ContainsKey(signatureHeader));
        var evt = Assert.Single(converted.Typed("DytePS.WebhookEvent"));
        Assert.Equal(("meeting.participantJoined", source), (evt.Str("Event"), evt.Str("Source")));
        Assert.Equal(headers[signatureHeader.Replace("signature", "uuid")], evt.Str("Uuid"));
        Assert.True((bool)Assert.Single(verified.Output).BaseObject);
        Assert.False((bool)Assert.Single(tampered.Output).BaseObject);
    }

    [Fact]
    public async Task Another_key_or_a_changed_body_is_refused()
    {
        var org = await SharedEmulator.NewOrganizationAsync();
        var (body, headers) = await ReceiveAsync(org, realtimeKit: false);
        using var other = System.Security.Cryptography.RSA.Create(2048);
        Shell.SetVariable("body", body);
        Shell.SetVariable("headers", headers);
        Shell.SetVariable("otherPem", other.ExportSubjectPublicKeyInfoPem());

        var wrongKey = Run("Test-DyteWebhookSignature -Body $body -Headers $headers -PublicKey $otherPem").ThrowIfFailed();
        var changed = Run("ConvertFrom-DyteWebhook -Body $body.Replace('Ada', 'Eve') -Headers $headers");

        Assert.False((bool)Assert.Single(wrongKey.Output).BaseObject);
        Assert.Empty(changed.Output);
        Assert.Equal("DyteWebhookSignatureInvalid,DytePS.Commands.ConvertFromDyteWebhookCommand", Assert.Single(changed.Errors).FullyQualifiedErrorId);
    }
}
