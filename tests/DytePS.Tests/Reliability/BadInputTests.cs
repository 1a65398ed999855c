using System.Management.Automation;
using Xunit;

namespace DytePS.Tests.Reliability;

/// <summary>
/// Every user-supplied parameter is checked before anything is sent: a corpus of malformed values
/// per kind of parameter, fed to every cmdlet that has one, must give one clear error naming the
/// parameter and leave the emulator's request log empty.
/// </summary>
public sealed class BadInputTests : EngineTest
{
    private const string Huge = "('x' * 100000)";

    private static readonly string[] Guids = ["''", "'   '", "'not-a-guid'", "'../meetings'", "'12345'", "\"`0\"", "'ünïcödé'", Huge, "'00000000-0000-0000-0000-00000000000g'"];
    private static readonly string[] Names = ["''", "'   '", "\"a`tb\"", "\"a`nb\"", "\"`0\"", "\"`e[31mred\"", Huge];
    private static readonly string[] Urls = ["''", "'not a url'", "'ftp://example.com/x'", "'../x'", "'javascript:alert(1)'", "'file:///etc/passwd'", "'//example.com'", "'   '"];

    // Optional values that also bind from CSV rows take empty for "not given", so only the rest of the corpus applies.
    private static readonly string[] OptionalNames = Names.Where(n => n is not ("''" or "'   '")).ToArray();
    private static readonly string[] OptionalUrls = Urls.Where(n => n is not ("''" or "'   '")).ToArray();
    private static readonly string[] Statuses = ["''", "'bogus'", "'ACTIVE;drop'", "'../x'", Huge];
    private static readonly string[] PageSizes = ["0", "-1", "1001", "'many'", "[int]::MaxValue"];
    private static readonly string[] Seconds = ["0", "-1", "'soon'", "[int]::MaxValue"];
    private static readonly string[] FilePrefixes = ["''", "'   '", "'../x'", "'a/b'", "'a b'", "\"a`nb\"", Huge];
    private static readonly string[] Paths = ["''", "'   '", "'../_emulator/requests'", "'https://evil.example.com/v2/meetings'", "'meetings?page_no=2'", "'meetings//x'", "\"meetings`n\"", "'meetings/./x'", "'meetings\\..\\x'", Huge];
    private static readonly string[] Events = ["''", "'meeting.deleted'", "'*'", "'meeting.started;x'"];
    private static readonly string[] Pixels = ["0", "-5", "100000", "'wide'"];
    private static readonly string[] Ids = ["''", "'a/b'", "'../x'", "'   '", "\"a`nb\"", Huge];

    /// <summary>(command with {0} where the bad value goes, the parameter it must name, the corpus).</summary>
    public static TheoryData<string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string>();
        void Add(string template, string parameter, string[] corpus)
        {
            foreach (var value in corpus) cases.Add(template, parameter, value);
        }

        Add("Get-DyteMeeting -MeetingId {0}", "MeetingId", Guids);
        Add("Get-DyteMeeting -Search {0}", "Search", Names);
        Add("Get-DyteMeeting -PageSize {0}", "PageSize", PageSizes);
        Add("New-DyteMeeting -Title {0}", "Title", Names);
        Add("New-DyteMeeting -Title ok -PreferredRegion {0}", "PreferredRegion", OptionalNames);
        Add("Set-DyteMeeting -MeetingId {0} -Title ok", "MeetingId", Guids);
        Add("Set-DyteMeeting -MeetingId $g -Title {0}", "Title", Names);
        Add("Set-DyteMeeting -MeetingId $g -Status {0}", "Status", Statuses);
        Add("Set-DyteMeeting -MeetingId $g -Title ok -ThrottleLimit {0}", "ThrottleLimit", ["0", "65", "'x'"]);
        Add("Get-DyteParticipant -MeetingId {0}", "MeetingId", Guids);
        Add("Get-DyteParticipant -MeetingId $g -ParticipantId {0}", "ParticipantId", Guids);
        Add("New-DyteParticipant -MeetingId {0} -PresetName host", "MeetingId", Guids);
        Add("New-DyteParticipant -MeetingId $g -PresetName {0}", "PresetName", Names);
        Add("New-DyteParticipant -MeetingId $g -PresetName host -Name {0}", "Name", OptionalNames);
        Add("New-DyteParticipant -MeetingId $g -PresetName host -Picture {0}", "Picture", OptionalUrls);
        Add("New-DyteParticipant -MeetingId $g -PresetName host -CustomParticipantId {0}", "CustomParticipantId", OptionalNames);
        Add("Set-DyteParticipant -MeetingId $g -ParticipantId {0} -Name ok", "ParticipantId", Guids);
        Add("Set-DyteParticipant -MeetingId $g -ParticipantId $g -Picture {0}", "Picture", Urls);
        Add("Set-DyteParticipant -MeetingId $g -ParticipantId $g -PresetName {0}", "PresetName", Names);
        Add("Remove-DyteParticipant -MeetingId $g -ParticipantId {0} -Force", "ParticipantId", Guids);
        Add("New-DyteParticipantToken -MeetingId {0} -ParticipantId $g", "MeetingId", Guids);
        Add("Get-DyteSession -SessionId {0}", "SessionId", Guids);
        Add("Get-DyteSession -MeetingId {0} -Active", "MeetingId", Guids);
        Add("Get-DyteSession -Status {0}", "Status", Statuses);
        Add("Get-DyteSessionParticipant -SessionId {0}", "SessionId", Guids);
        Add("Get-DyteRecording -RecordingId {0}", "RecordingId", Guids);
        Add("Get-DyteRecording -Status {0}", "Status", Statuses);
        Add("Start-DyteRecording -MeetingId {0}", "MeetingId", Guids);
        Add("Start-DyteRecording -MeetingId $g -FileNamePrefix {0}", "FileNamePrefix", FilePrefixes);
        Add("Start-DyteRecording -MeetingId $g -AudioCodec {0}", "AudioCodec", Statuses);
        Add("Start-DyteRecording -MeetingId $g -VideoCodec {0}", "VideoCodec", Statuses);
        Add("Start-DyteRecording -MeetingId $g -Width {0}", "Width", Pixels);
        Add("Start-DyteRecording -MeetingId $g -StorageType {0} -StorageCredential $cred -StorageBucket b", "StorageType", Statuses);
        Add("Start-DyteRecording -MeetingId $g -StorageType aws -StorageCredential $cred -StorageBucket {0}", "StorageBucket", Names);
        Add("Stop-DyteRecording -RecordingId {0} -Force", "RecordingId", Guids);
        Add("Suspend-DyteRecording -RecordingId {0}", "RecordingId", Guids);
        Add("Resume-DyteRecording -RecordingId {0}", "RecordingId", Guids);
        Add("Wait-DyteRecording -RecordingId $g -TimeoutSec {0}", "TimeoutSec", Seconds);
        Add("Save-DyteRecording -RecordingId {0}", "RecordingId", Guids);
        Add("Get-DyteLivestream -MeetingId {0}", "MeetingId", Guids);
        Add("Start-DyteLivestream -MeetingId $g -Name {0}", "Name", Names);
        Add("Stop-DyteLivestream -MeetingId {0} -Force", "MeetingId", Guids);
        Add("Get-DyteWebhook -WebhookId {0}", "WebhookId", Guids);
        Add("Get-DyteWebhook -Name {0}", "Name", Names);
        Add("New-DyteWebhook -Name {0} -Url https://x.example.com -Event meeting.ended", "Name", Names);
        Add("New-DyteWebhook -Name n -Url {0} -Event meeting.ended", "Url", Urls);
        Add("New-DyteWebhook -Name n -Url https://x.example.com -Event {0}", "Event", Events);
        Add("Set-DyteWebhook -WebhookId $g -Url {0}", "Url", Urls);
        Add("Set-DyteWebhook -WebhookId $g -Event {0}", "Event", Events);
        Add("Remove-DyteWebhook -WebhookId {0} -Force", "WebhookId", Guids);
        Add("Invoke-DyteRequest -Path {0}", "Path", Paths);
        Add("Invoke-DyteRequest -Method {0} -Path meetings", "Method", ["'TRACE'", "''", "'GET /x'"]);
        Add("Connect-Dyte -OrganizationId {0} -ApiKey $DyteTestKey -BaseUri $DyteTestUri", "OrganizationId", Guids);
        Add("Connect-Dyte -OrganizationId $DyteTestOrg -ApiKey $DyteTestKey -BaseUri {0}", "BaseUri", [.. Urls, "'http://example.com/v2'"]);
        Add("Connect-Dyte -OrganizationId $DyteTestOrg -ApiKey $DyteTestKey -TimeoutSec {0}", "TimeoutSec", Seconds);
        Add("Connect-Dyte -AccountId {0} -AppId app -ApiToken $DyteTestKey", "AccountId", Ids);
        Add("Connect-Dyte -AccountId acct -AppId {0} -ApiToken $DyteTestKey", "AppId", Ids);
        Add("Test-DyteWebhookSignature -Body '{{}}' -Signature {0} -PublicKey k", "Signature", Names);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Malformed_values_fail_before_any_request(string template, string parameter, string value)
    {
        Shell.SetVariable("g", Guid.NewGuid());
        Shell.SetVariable("cred", new PSCredential("AKIAEXAMPLE", Secure("storage-secret")));

        var result = Run(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, value));

        var error = Assert.Single(result.Errors);
        Assert.True(
            error.Exception is ParameterBindingException binding ? binding.ParameterName == parameter : error.ToString().Contains(parameter, StringComparison.Ordinal)
                || (error.Exception as ArgumentException)?.ParamName == parameter,
            $"The error does not name -{parameter}: [{error.FullyQualifiedErrorId}] {error}");
        Assert.Contains(error.CategoryInfo.Category, new[] { ErrorCategory.InvalidArgument, ErrorCategory.InvalidData });
        Assert.Empty(result.Output);
        Assert.Empty(await RequestsAsync());
    }

    [Fact]
    public async Task Unicode_text_is_valid_and_round_trips()
    {
        var title = "Café 東京 🎥 Ωmega";
        Shell.SetVariable("title", title);

        var created = Run("New-DyteMeeting -Title $title").ThrowIfFailed().Meetings()[0];
        var read = Run("Get-DyteMeeting -MeetingId $args[0]".Replace("$args[0]", created.Id().ToString())).ThrowIfFailed().Meetings()[0];

        Assert.Equal(title, read.Str("Title"));
        Assert.Equal(2, (await RequestsAsync()).Count);
    }
}
