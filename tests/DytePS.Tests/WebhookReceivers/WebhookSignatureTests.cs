using System.Collections;
using System.Security.Cryptography;
using System.Text;
using Xunit;

namespace DytePS.Tests.WebhookReceivers;

/// <summary>Verification with a key the test holds; deliveries made by the emulator are tested in WebhookDeliveryTests.</summary>
public sealed class WebhookSignatureTests : EngineTest
{
    private readonly RSA _key = RSA.Create(2048);
    private const string Body = """{"event":"meeting.started","meeting":{"id":"6f1c4d3e-0b0a-4c55-9a35-6b1f6d8e2a11","sessionId":"9b2d7c4e-1111-4c55-9a35-6b1f6d8e2a11","title":"Weekly standup","status":"LIVE"}}""";

    private string Sign(string body) =>
        Convert.ToBase64String(_key.SignData(Encoding.UTF8.GetBytes(body), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    private void Prepare(string body, string signature, string prefix = "dyte")
    {
        Shell.SetVariable("body", body);
        Shell.SetVariable("signature", signature);
        Shell.SetVariable("pem", _key.ExportSubjectPublicKeyInfoPem());
        Shell.SetVariable("headers", new Hashtable
        {
            [$"{prefix}-signature"] = signature,
            [$"{prefix}-uuid"] = "a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d",
            [$"{prefix}-webhook-id"] = "0f0e0d0c-0b0a-4909-8807-060504030201",
            ["content-type"] = "application/json",
        });
    }

    [Fact]
    public void A_genuine_signature_verifies_and_a_changed_body_does_not()
    {
        Prepare(Body, Sign(Body));

        var genuine = Run("Test-DyteWebhookSignature -Body $body -Signature $signature -PublicKey $pem").ThrowIfFailed();
        var bytes = Run("Test-DyteWebhookSignature -Body ([Text.Encoding]::UTF8.GetBytes($body)) -Headers $headers -PublicKey $pem").ThrowIfFailed();
        var tampered = Run("Test-DyteWebhookSignature -Body $body.Replace('LIVE','ENDED') -Signature $signature -PublicKey $pem").ThrowIfFailed();
        var garbage = Run("Test-DyteWebhookSignature -Body $body -Signature 'not base64!' -PublicKey $pem").ThrowIfFailed();

        Assert.Equal([true, true, false, false], new[] { genuine, bytes, tampered, garbage }.Select(r => (bool)Assert.Single(r.Output).BaseObject));
    }

    [Fact]
    public void Another_key_does_not_verify()
    {
        Prepare(Body, Sign(Body));
        using var other = RSA.Create(2048);
        Shell.SetVariable("otherPem", other.ExportSubjectPublicKeyInfoPem());

        Assert.False((bool)Assert.Single(Run("Test-DyteWebhookSignature -Body $body -Signature $signature -PublicKey $otherPem").ThrowIfFailed().Output).BaseObject);
    }

    [Theory]
    [InlineData("dyte", "Dyte")]
    [InlineData("rtk", "RealtimeKit")]
    public void ConvertFrom_turns_a_verified_delivery_into_an_event(string prefix, string source)
    {
        Prepare(Body, Sign(Body), prefix);

        var result = Run("[pscustomobject]@{ RawBody = $body; Headers = $headers } | ConvertFrom-DyteWebhook -PublicKey $pem").ThrowIfFailed();

        var evt = Assert.Single(result.Typed("DytePS.WebhookEvent"));
        Assert.Equal("meeting.started", evt.Str("Event"));
        Assert.Equal(source, evt.Str("Source"));
        Assert.Equal("a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d", evt.Str("Uuid"));
        Assert.Equal(Guid.Parse("6f1c4d3e-0b0a-4c55-9a35-6b1f6d8e2a11"), evt.Get<Guid>("MeetingId"));
        Assert.Equal("Weekly standup", ((System.Management.Automation.PSObject)evt.Properties["Meeting"].Value).Str("title"));
    }

    [Fact]
    public void ConvertFrom_refuses_a_tampered_delivery_and_a_parsed_body()
    {
        Prepare(Body, Sign(Body));

        var tampered = Run("ConvertFrom-DyteWebhook -Body $body.Replace('standup','standoff') -Headers $headers -PublicKey $pem");
        var parsed = Run("ConvertFrom-DyteWebhook -Body @{ event = 'meeting.started' } -Headers $headers -PublicKey $pem");
        var unsigned = Run("ConvertFrom-DyteWebhook -Body $body -Headers @{ 'content-type' = 'application/json' } -PublicKey $pem");

        Assert.Empty(tampered.Output);
        Assert.Equal("DyteWebhookSignatureInvalid,DytePS.Commands.ConvertFromDyteWebhookCommand", Assert.Single(tampered.Errors).FullyQualifiedErrorId);
        Assert.Equal("DyteWebhookBodyNotRaw,DytePS.Commands.ConvertFromDyteWebhookCommand", Assert.Single(parsed.Errors).FullyQualifiedErrorId);
        Assert.Contains("no dyte-signature", Assert.Single(unsigned.Errors).ToString());
    }

    [Fact]
    public void A_malformed_key_is_reported_as_such()
    {
        Prepare(Body, Sign(Body));

        var error = Assert.Single(Run("Test-DyteWebhookSignature -Body $body -Signature $signature -PublicKey 'not a key'").Errors);

        Assert.Equal("DyteWebhookKeyInvalid,DytePS.Commands.TestDyteWebhookSignatureCommand", error.FullyQualifiedErrorId);
    }
}
