using System.Management.Automation;
using Xunit;

namespace DytePS.Tests.Webhooks;

public class WebhookTests : EngineTest
{
    private void CreateWebhooks(params string[] names)
    {
        foreach (var name in names)
            Run($"New-DyteWebhook -Name '{name}' -Url 'https://hooks.example.com/{name}' -Event meeting.started, meeting.ended").ThrowIfFailed();
    }

    [Fact]
    public async Task New_creates_a_webhook_with_canonical_event_names()
    {
        var result = Run("New-DyteWebhook -Name audit -Url https://hooks.example.com/dyte -Event MEETING.PARTICIPANTJOINED, recording.statusUpdate").ThrowIfFailed();

        var webhook = Assert.Single(result.Typed("DytePS.Webhook"));
        Assert.Equal(["meeting.participantJoined", "recording.statusUpdate"], webhook.Get<string[]>("Events"));
        Assert.Equal(webhook.Id(), webhook.Get<Guid>("WebhookId"));
        Assert.Equal(("createWebhook", 201), (Assert.Single(await RequestsAsync()).Operation, (await RequestsAsync())[0].Status));
    }

    [Theory]
    [InlineData("New-DyteWebhook -Name a -Url https://x.example.com -Event meeting.deleted", "Event")]
    [InlineData("New-DyteWebhook -Name a -Url 'not a url' -Event meeting.started", "Url")]
    [InlineData("New-DyteWebhook -Name a -Url 'file:///etc/passwd' -Event meeting.started", "Url")]
    [InlineData("New-DyteWebhook -Name ' ' -Url https://x.example.com -Event meeting.started", "Name")]
    public async Task New_rejects_bad_input_before_any_request(string script, string parameter)
    {
        var error = Assert.Single(Run(script).Errors);

        Assert.Equal(parameter, Assert.IsType<ParameterBindingException>(error.Exception, exactMatch: false).ParameterName);
        Assert.Empty(await RequestsAsync());
    }

    [Fact]
    public void Get_filters_by_wildcard_and_reports_plain_names_that_match_nothing()
    {
        CreateWebhooks("old-crm", "old-billing", "current");

        var wildcard = Run("Get-DyteWebhook -Name old*").ThrowIfFailed().Typed("DytePS.Webhook");
        var missing = Run("Get-DyteWebhook -Name current, gone");

        Assert.Equal(["old-crm", "old-billing"], wildcard.Select(w => w.Str("Name")));
        Assert.Equal("current", Assert.Single(missing.Typed("DytePS.Webhook")).Str("Name"));
        Assert.Equal("DyteNotFound,DytePS.Commands.GetDyteWebhookCommand", Assert.Single(missing.Errors).FullyQualifiedErrorId);
        Assert.Empty(Run("Get-DyteWebhook -Name nothing*").ThrowIfFailed().Output);
    }

    [Fact]
    public async Task Removing_by_name_pattern_through_the_pipeline_asks_once_with_Yes_to_All()
    {
        CreateWebhooks("old-crm", "old-billing", "current");
        await Org.ClearRequestsAsync();
        Shell.Host.ChoiceAnswers.Enqueue(1); // Yes to All

        Run("Get-DyteWebhook -Name old* | Remove-DyteWebhook").ThrowIfFailed();

        Assert.Single(Shell.Host.Prompts);
        Assert.Equal(["current"], Run("Get-DyteWebhook").ThrowIfFailed().Typed("DytePS.Webhook").Select(w => w.Str("Name")));
        Assert.Equal(2, (await RequestsAsync()).Count(r => r.Operation == "deleteWebhook"));
    }

    [Fact]
    public async Task Set_changes_only_what_is_given()
    {
        CreateWebhooks("crm");

        var updated = Run("Get-DyteWebhook -Name crm | Set-DyteWebhook -Url https://new.example.com/hook -PassThru").ThrowIfFailed().Typed("DytePS.Webhook")[0];

        Assert.Equal(("crm", "https://new.example.com/hook"), (updated.Str("Name"), updated.Str("Url")));
        Assert.Equal(["meeting.started", "meeting.ended"], updated.Get<string[]>("Events"));
        Assert.Single(await RequestsAsync(), r => r.Operation == "updateWebhook");
    }

    [Fact]
    public async Task Set_with_every_field_sends_only_the_update_and_without_one_reads_first()
    {
        CreateWebhooks("crm");
        var id = Run("Get-DyteWebhook -Name crm").ThrowIfFailed().Typed("DytePS.Webhook")[0].Id();
        Shell.SetVariable("id", id);
        await Org.ClearRequestsAsync();

        var updated = Run("Set-DyteWebhook -WebhookId $id -Name renamed -Url https://new.example.com/hook -Event meeting.ended -PassThru")
            .ThrowIfFailed().Typed("DytePS.Webhook")[0];

        Assert.Equal(("renamed", "https://new.example.com/hook"), (updated.Str("Name"), updated.Str("Url")));
        Assert.Equal(["updateWebhook"], (await RequestsAsync()).Select(r => r.Operation));

        await Org.ClearRequestsAsync();
        Run("Set-DyteWebhook -WebhookId $id -Name again").ThrowIfFailed();
        Assert.Equal(["listWebhooks", "updateWebhook"], (await RequestsAsync()).Select(r => r.Operation));
    }

    [Fact]
    public void A_url_with_characters_beyond_ascii_is_sent_in_its_uri_form()
    {
        CreateWebhooks("crm");

        var updated = Run("Get-DyteWebhook -Name crm | Set-DyteWebhook -Url 'https://例え.jp/web hook' -PassThru").ThrowIfFailed().Typed("DytePS.Webhook")[0];

        Assert.Equal($"https://{new Uri("https://例え.jp/").IdnHost}/web%20hook", updated.Str("Url"));
        Assert.Equal("https://example.com/as%20given?x=1", Run("(New-DyteWebhook -Name given -Url 'https://example.com/as%20given?x=1' -Event meeting.ended).Url").ThrowIfFailed().Output.Single().ToString());
    }

    [Fact]
    public async Task Set_and_Remove_of_an_unknown_webhook_are_not_found_errors_and_WhatIf_sends_nothing()
    {
        Shell.SetVariable("x", Guid.NewGuid());

        var result = Run("Set-DyteWebhook -WebhookId $x -Name n; Remove-DyteWebhook -WebhookId $x -Force");
        Assert.Equal(["DyteNotFound,DytePS.Commands.SetDyteWebhookCommand", "DyteNotFound,DytePS.Commands.RemoveDyteWebhookCommand"],
            result.Errors.Select(e => e.FullyQualifiedErrorId));

        CreateWebhooks("keep");
        await Org.ClearRequestsAsync();
        Run("Get-DyteWebhook | Remove-DyteWebhook -WhatIf; New-DyteWebhook -Name n -Url https://a.example.com -Event meeting.ended -WhatIf").ThrowIfFailed();
        Assert.All(await RequestsAsync(), r => Assert.Equal("GET", r.Method));
    }
}
