using System.Security.Cryptography;

namespace DytePS.Emulator.Webhooks;

/// <summary>
/// The emulator's webhook signing key: RSA 2048, one per instance (kept in the data file with
/// <c>--data</c>, so receivers' pinned keys keep verifying across restarts). Signatures are
/// RSA-SHA256 with PKCS#1 v1.5 padding over the exact body bytes, base64, as the service sends in
/// dyte-signature / rtk-signature.
/// </summary>
public sealed class WebhookSigner : IDisposable
{
    private readonly RSA _key;

    /// <param name="privateKeyPem">A PKCS#8 PEM private key to reuse; null makes a new key.</param>
    public WebhookSigner(string? privateKeyPem)
    {
        _key = RSA.Create();
        if (privateKeyPem is null) _key.KeySize = 2048;
        else _key.ImportFromPem(privateKeyPem);
        // Exported once: SubjectPublicKeyInfo, "-----BEGIN PUBLIC KEY-----", what receivers import.
        PublicKeyPem = _key.ExportSubjectPublicKeyInfoPem();
    }

    public string PublicKeyPem { get; }

    /// <summary>The private key as PKCS#8 PEM, for the data file only; never served or logged.</summary>
    public string ExportPrivateKeyPem() => _key.ExportPkcs8PrivateKeyPem();

    public string Sign(byte[] body) => Convert.ToBase64String(_key.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public void Dispose() => _key.Dispose();
}
