using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Xunit.Sdk;

namespace DytePS.Emulator.Tests.Support;

/// <summary>One HTTP answer: status, raw text and parsed JSON (when it is JSON).</summary>
public sealed class Reply
{
    public Reply(HttpStatusCode status, string text, HttpResponseHeaders headers, HttpContentHeaders contentHeaders)
    {
        Status = status;
        Text = text;
        Headers = headers;
        ContentHeaders = contentHeaders;
        if (text.Length > 0 && (text[0] == '{' || text[0] == '['))
            Json = JsonDocument.Parse(text).RootElement.Clone();
    }

    public HttpStatusCode Status { get; }
    public string Text { get; }
    public HttpResponseHeaders Headers { get; }
    public HttpContentHeaders ContentHeaders { get; }
    public JsonElement Json { get; }

    public JsonElement Data => Json.GetProperty("data");

    public JsonElement Paging => Json.GetProperty("paging");

    /// <summary>The paging block as (total_count, start_offset, end_offset).</summary>
    public (int Total, int Start, int End) Offsets =>
        (Paging.GetProperty("total_count").GetInt32(), Paging.GetProperty("start_offset").GetInt32(), Paging.GetProperty("end_offset").GetInt32());

    public string ErrorMessage => Json.GetProperty("error").GetProperty("message").GetString()!;

    /// <summary>Fails with the body in the message when the status differs, so a failure says why.</summary>
    public Reply Expect(int status)
    {
        if ((int)Status != status) throw new XunitException($"Expected HTTP {status}, got {(int)Status}: {Text}");
        return this;
    }

    /// <summary>Asserts the error envelope with this status and a message containing <paramref name="messagePart"/>.</summary>
    public Reply ExpectError(int status, string messagePart)
    {
        Expect(status);
        if (Json.GetProperty("success").GetBoolean())
            throw new XunitException("Expected success:false: " + Text);
        if (Json.GetProperty("error").GetProperty("code").GetInt32() != status)
            throw new XunitException($"Expected error.code {status}: {Text}");
        if (!ErrorMessage.Contains(messagePart, StringComparison.Ordinal))
            throw new XunitException($"Expected an error message containing \"{messagePart}\", got \"{ErrorMessage}\"");
        return this;
    }

    public override string ToString() => $"{(int)Status} {Text}";
}
