using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using DytePS.Emulator.State;

namespace DytePS.Emulator.Infrastructure;

/// <summary>
/// Issues participant auth tokens shaped like the service's: JWTs (HS256) signed with a key that
/// lives as long as this emulator instance, carrying the organization, meeting and participant
/// ids and an expiry. Nothing verifies them; they are for clients that pass tokens on or decode them.
/// </summary>
public sealed class ParticipantTokens
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private static readonly string Header = Encode(new { alg = "HS256", typ = "JWT" });

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Issue(Organization organization, ParticipantRecord participant, DateTime now)
    {
        var issuedAt = new DateTimeOffset(now, TimeSpan.Zero).ToUnixTimeSeconds();
        var payload = Encode(new
        {
            orgId = organization.Id,
            meetingId = participant.MeetingId,
            participantId = participant.Id,
            presetName = participant.PresetName,
            iat = issuedAt,
            exp = issuedAt + (long)Lifetime.TotalSeconds,
            // Unique per token, so a regenerated token always differs from the one it replaces.
            jti = Guid.NewGuid(),
        });
        var signed = Header + "." + payload;
        var signature = HMACSHA256.HashData(_key, System.Text.Encoding.ASCII.GetBytes(signed));
        return signed + "." + Base64Url.EncodeToString(signature);
    }

    // Explicit names (no naming policy): JWT claims are camelCase on the service.
    private static string Encode(object value) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(value));
}
