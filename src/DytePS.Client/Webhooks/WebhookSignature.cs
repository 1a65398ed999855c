using System;
using System.Formats.Asn1;
using System.Security.Cryptography;

namespace DytePS.Client
{
    /// <summary>
    /// Checks the signature Dyte and RealtimeKit put on webhook deliveries (dyte-signature or
    /// rtk-signature): base64 RSA-SHA256 (PKCS#1 v1.5) over the exact body bytes. Works on
    /// .NET Framework too, which has no PEM import: the key is read with System.Formats.Asn1.
    /// </summary>
    public static class WebhookSignature
    {
        /// <summary>True when <paramref name="signature"/> signs <paramref name="body"/> with the key in <paramref name="publicKeyPem"/>.</summary>
        /// <exception cref="FormatException">The key is not a PEM RSA public key.</exception>
        public static bool Verify(byte[] body, string signature, string publicKeyPem)
        {
            if (body is null) throw new ArgumentNullException(nameof(body));
            byte[] signatureBytes;
            try
            {
                signatureBytes = Convert.FromBase64String((signature ?? string.Empty).Trim());
            }
            catch (FormatException)
            {
                return false;
            }
            using var rsa = RSA.Create();
            rsa.ImportParameters(ReadPublicKey(publicKeyPem));
            return rsa.VerifyData(body, signatureBytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }

        /// <summary>Reads "BEGIN PUBLIC KEY" (SubjectPublicKeyInfo) or "BEGIN RSA PUBLIC KEY" (PKCS#1) PEM.</summary>
        internal static RSAParameters ReadPublicKey(string pem)
        {
            if (string.IsNullOrWhiteSpace(pem)) throw new FormatException("The public key is empty.");
            var (label, der) = Pem(pem);
            try
            {
                if (label == "RSA PUBLIC KEY") return ReadRsaPublicKey(der);
                if (label != "PUBLIC KEY") throw new FormatException($"A PEM '{label}' block is not a public key.");
                var spki = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
                var algorithm = spki.ReadSequence();
                var oid = algorithm.ReadObjectIdentifier();
                if (oid != "1.2.840.113549.1.1.1") throw new FormatException($"The public key is not RSA (algorithm {oid}).");
                var key = spki.ReadBitString(out _);
                return ReadRsaPublicKey(key);
            }
            catch (AsnContentException e)
            {
                throw new FormatException("The public key is not valid DER: " + e.Message, e);
            }
        }

        private static RSAParameters ReadRsaPublicKey(byte[] der)
        {
            var sequence = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
            return new RSAParameters
            {
                Modulus = Unsigned(sequence.ReadIntegerBytes().ToArray()),
                Exponent = Unsigned(sequence.ReadIntegerBytes().ToArray()),
            };
        }

        /// <summary>DER integers carry a leading zero when the high bit is set; RSAParameters wants none.</summary>
        private static byte[] Unsigned(byte[] integer)
        {
            var start = 0;
            while (start < integer.Length - 1 && integer[start] == 0) start++;
            if (start == 0) return integer;
            var trimmed = new byte[integer.Length - start];
            Array.Copy(integer, start, trimmed, 0, trimmed.Length);
            return trimmed;
        }

        private static (string Label, byte[] Der) Pem(string pem)
        {
            const string begin = "-----BEGIN ";
            var start = pem.IndexOf(begin, StringComparison.Ordinal);
            if (start < 0) throw new FormatException("The public key is not PEM (no -----BEGIN line).");
            var labelEnd = pem.IndexOf("-----", start + begin.Length, StringComparison.Ordinal);
            if (labelEnd < 0) throw new FormatException("The PEM header is not closed.");
            var label = pem.Substring(start + begin.Length, labelEnd - start - begin.Length);
            var end = pem.IndexOf("-----END " + label + "-----", labelEnd, StringComparison.Ordinal);
            if (end < 0) throw new FormatException($"The PEM block has no -----END {label}----- line.");
            var base64 = pem.Substring(labelEnd + 5, end - labelEnd - 5).Replace("\r", "").Replace("\n", "").Replace(" ", "").Replace("\\n", "");
            try
            {
                return (label, Convert.FromBase64String(base64));
            }
            catch (FormatException e)
            {
                throw new FormatException("The PEM body is not base64.", e);
            }
        }
    }
}
