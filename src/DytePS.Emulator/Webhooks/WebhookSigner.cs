using System.Security.Cryptography;
using DytePS.Emulator.State;

namespace DytePS.Emulator.Webhooks;

/// <summary>
/// The emulator's webhook signing key: RSA 2048, one per instance, kept in the data file with
/// <c>--data</c> so receivers' pinned keys keep verifying across restarts. Signatures are
/// RSA-SHA256 with PKCS#1 v1.5 padding over the exact body bytes, base64, as the service sends in
/// dyte-signature / rtk-signature.
/// </summary>
public sealed class WebhookSigner : IDisposable
{
    public const string Setting = "webhook_signing_key";

    // Made on first use: generating a 2048-bit key takes about a second here, which an emulator
    // that never delivers a webhook should not pay at start-up.
    private readonly Lazy<(RSA Key, string PublicKeyPem)> _key;

    public WebhookSigner(IStateStore store) => _key = new(() => Load(store));

    /// <summary>SubjectPublicKeyInfo PEM ("-----BEGIN PUBLIC KEY-----"), what receivers import.</summary>
    public string PublicKeyPem => _key.Value.PublicKeyPem;

    public string Sign(byte[] body) =>
        Convert.ToBase64String(_key.Value.Key.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public void Dispose()
    {
        if (_key.IsValueCreated) _key.Value.Key.Dispose();
    }

    private static (RSA, string) Load(IStateStore store)
    {
        var key = RSA.Create();
        if (store.GetSetting(Setting) is { } saved)
        {
            key.ImportFromPem(saved);
        }
        else
        {
            key.KeySize = 2048;
            // The private key goes to the data file only (PKCS#8 PEM); it is never served or logged.
            store.SetSetting(Setting, key.ExportPkcs8PrivateKeyPem());
        }
        return (key, key.ExportSubjectPublicKeyInfoPem());
    }
}
