using Xunit;

namespace DytePS.Client.Tests;

public sealed class RequestAndOptionsTests
{
    [Fact]
    public void Path_segments_are_escaped_so_ids_cannot_change_the_route()
    {
        Assert.Equal("meetings/..%2F..%2Fwebhooks/participants", DyteRequest.PathOf("meetings", "../../webhooks", "participants"));
        Assert.Equal("meetings/a%3Fb%3Dc%23d", DyteRequest.PathOf("meetings", "a?b=c#d"));
    }

    [Fact]
    public void Describe_shows_method_path_and_escaped_query()
    {
        var request = new DyteRequest("get", "/meetings").WithQuery("search", "a b&c").WithQuery("page_no", 2).WithQuery("skip", null);
        Assert.Equal("GET /meetings?search=a%20b%26c&page_no=2", request.Describe());
    }

    [Theory]
    [InlineData("https://api.dyte.io/v2")]
    [InlineData("http://127.0.0.1:5380/v2")]
    [InlineData("http://localhost:5380/v2")]
    [InlineData("http://[::1]:5380/v2")]
    public void Accepts_https_anywhere_and_http_on_loopback(string uri) => Options(uri).Validate();

    [Theory]
    [InlineData("http://api.dyte.io/v2", "plain http")]
    [InlineData("http://10.0.0.5/v2", "plain http")]
    [InlineData("ftp://127.0.0.1/v2", "http or https")]
    public void Refuses_to_send_credentials_anywhere_else(string uri, string message) =>
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => Options(uri).Validate()).Message);

    [Fact]
    public void Credential_builds_basic_auth_and_never_shows_the_key()
    {
        var credential = new DyteApiKeyCredential("org-1", ClientFactory.Secure("s3cret"));

        Assert.Equal("Basic " + Convert.ToBase64String("org-1:s3cret"u8.ToArray()), credential.CreateAuthorizationHeader());
        Assert.Equal("org-1", credential.ToString());
        Assert.Throws<ArgumentException>(() => new DyteApiKeyCredential("a:b", ClientFactory.Secure("k")));
        Assert.Throws<ArgumentException>(() => new DyteApiKeyCredential("org", ClientFactory.Secure("")));
    }

    [Fact]
    public void Credential_keeps_its_own_copy_of_the_key()
    {
        var key = ClientFactory.Secure("s3cret").Copy();
        var credential = new DyteApiKeyCredential("org-1", key);
        key.Dispose();

        Assert.EndsWith(Convert.ToBase64String("org-1:s3cret"u8.ToArray()), credential.CreateAuthorizationHeader());
    }

    private static DyteClientOptions Options(string uri) => new()
    {
        BaseUri = new Uri(uri, UriKind.RelativeOrAbsolute),
        Credential = new DyteApiKeyCredential("org", ClientFactory.Secure("key")),
    };
}
