using System.Text;
using Xunit;

namespace DytePS.Client.Tests;

public sealed class ErrorBodyTests
{
    private static (string, string?) Parse(string? body, int status = 400, string? reason = null) =>
        ErrorBody.Parse(body is null ? null : Encoding.UTF8.GetBytes(body), status, reason);

    [Fact]
    public void Reads_the_documented_error_envelope() =>
        Assert.Equal(("preset_name is required", "400"), Parse("""{"success":false,"error":{"code":400,"message":"preset_name is required"}}"""));

    [Fact]
    public void Reads_the_bare_message_body_seen_on_401() =>
        Assert.Equal(("Unauthorized", null), Parse("""{"message":"Unauthorized"}""", 401));

    [Fact]
    public void Reads_a_string_error_code_and_an_error_given_as_text()
    {
        Assert.Equal(("Nope", "E_FORBIDDEN"), Parse("""{"success":false,"error":{"code":"E_FORBIDDEN","message":"Nope"}}""", 403));
        Assert.Equal(("Something broke", null), Parse("""{"error":"Something broke"}""", 500));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<html><body><h1>502 Bad Gateway</h1></body></html>")]
    [InlineData("{\"success\":false,\"error\":{\"code\":502,\"mess")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"success\":false,\"error\":{\"code\":502,\"message\":\"  \"}}")]
    public void Falls_back_to_the_status_text_for_anything_else(string? body) =>
        Assert.Equal("Bad Gateway", Parse(body, 502).Item1);

    [Fact]
    public void Prefers_the_reason_phrase_the_server_sent() =>
        Assert.Equal("Upstream Down", Parse("", 502, "Upstream Down").Item1);

    [Theory]
    [InlineData(429, "Too Many Requests")]
    [InlineData(503, "Service Unavailable")]
    [InlineData(599, "HTTP 599")]
    public void Status_text_is_readable(int status, string expected) => Assert.Equal(expected, ErrorBody.StatusText(status));
}
