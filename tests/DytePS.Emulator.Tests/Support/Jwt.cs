using System.Buffers.Text;
using System.Text.Json;

namespace DytePS.Emulator.Tests.Support;

/// <summary>Reads a JWT's parts without verifying it (the key lives inside the emulator).</summary>
public static class Jwt
{
    public static (JsonElement Header, JsonElement Payload, byte[] Signature) Decode(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3) throw new FormatException($"A JWT has three parts; got {parts.Length}.");
        return (Parse(parts[0]), Parse(parts[1]), Base64Url.DecodeFromChars(parts[2]));
    }

    private static JsonElement Parse(string part) => JsonDocument.Parse(Base64Url.DecodeFromChars(part)).RootElement.Clone();
}
