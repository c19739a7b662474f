using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Tests.Feedback;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.PublicProcess;

// "You said, we did" (issue 18, point 2): KMD's structured response to an input item, written by the KMD team only,
// public once published, and mailed to the contributor once, in their language.
public sealed class ResponseTests(FeedbackFixture fixture) : IClassFixture<FeedbackFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ResponseRequest Used(bool published = true, long? version = null) =>
        new("Involver innbyggerne tidlig.", ResponseOutcome.UsedInChapter, 10, "Se avsnittet om samskaping.", published, version);

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(People.ContactPersonFin, HttpStatusCode.Forbidden)]
    [InlineData(People.Observer, HttpStatusCode.Forbidden)]
    [InlineData(People.Facilitator, HttpStatusCode.Forbidden)]
    [InlineData(People.Coordinator, HttpStatusCode.OK)]
    public async Task Respond_ByRole_OnlyCoordinatorMay(string? person, HttpStatusCode expected)
    {
        var (item, _) = await SubmitAsync();

        var response = await PutAsync(fixture.Factory.CreateClientAs(person), item.Id, Used());
        var read = await fixture.Factory.CreateClientAs(person).GetAsync($"/api/feedback/items/{item.Id}/response", Ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected, read.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, await fixture.WithDbAsync(db => db.Responses.AnyAsync(r => r.Id == item.Id, Ct)));
        Assert.Equal(expected == HttpStatusCode.OK ? 1 : 0, fixture.Notifications.Mail.Count(m => m.Key == $"feedback.response:{item.Id}"));
    }

    [Fact]
    public async Task Respond_Invalid_ErrorsNameEachField()
    {
        var (item, _) = await SubmitAsync();
        var client = fixture.Factory.CreateClientAs(People.Coordinator);

        var empty = await Problem.ReadErrorsAsync(await PutAsync(client, item.Id, new ResponseRequest(" ", null, null, null, false, null)), Ct);
        var noChapter = await Problem.ReadErrorsAsync(await PutAsync(client, item.Id, Used() with { Chapter = null }), Ct);
        var noReason = await Problem.ReadErrorsAsync(await PutAsync(client, item.Id, Used() with { Outcome = ResponseOutcome.NotUsed, Text = null }), Ct);

        Assert.Equal(["Outcome", "Summary"], empty.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Chapter"], noChapter.Keys);
        Assert.Equal(["Text"], noReason.Keys);
    }

    [Fact]
    public async Task Respond_PublishedOnExemptInput_Refused()
    {
        var (item, _) = await SubmitAsync();
        var coordinator = fixture.Factory.CreateClientAs(People.Coordinator);
        var details = await RegisterApi.ReadAsync<ItemDetails>(await coordinator.GetAsync($"/api/feedback/items/{item.Id}", Ct), HttpStatusCode.OK);
        var assessed = await RegisterApi.AssessAsync(coordinator, item.Id, RegisterApi.Assess(details, exempt: true, basis: "Offl. § 13"));
        Assert.Equal(HttpStatusCode.OK, assessed.StatusCode);

        var errors = await Problem.ReadErrorsAsync(await PutAsync(coordinator, item.Id, Used()), Ct);

        Assert.Equal(["Published"], errors.Keys);
    }

    [Fact]
    public async Task Respond_StaleVersion_ConflictAndUnchanged()
    {
        var (item, _) = await SubmitAsync();
        var client = fixture.Factory.CreateClientAs(People.Coordinator);
        var first = await RegisterApi.ReadAsync<ResponseDetails>(await PutAsync(client, item.Id, Used(published: false)), HttpStatusCode.OK);
        await RegisterApi.ReadAsync<ResponseDetails>(await PutAsync(client, item.Id, Used(published: false, first.Version) with { Summary = "Først" }), HttpStatusCode.OK);

        var stale = await PutAsync(client, item.Id, Used(published: true, first.Version) with { Summary = "Sist" });

        await Problem.ReadAsync(stale, HttpStatusCode.Conflict, Ct);
        var stored = await fixture.WithDbAsync(db => db.Responses.SingleAsync(r => r.Id == item.Id, Ct));
        Assert.Equal(("Først", false), (stored.Summary, stored.Published));
        Assert.DoesNotContain(fixture.Notifications.Mail, m => m.Key == $"feedback.response:{item.Id}");
    }

    [Fact]
    public async Task Publish_UnpublishAndRepublish_MailedOnceInContributorsLanguage()
    {
        var (item, _) = await SubmitAsync("en");
        var client = fixture.Factory.CreateClientAs(People.Coordinator);

        var published = await RegisterApi.ReadAsync<ResponseDetails>(await PutAsync(client, item.Id, Used()), HttpStatusCode.OK);
        var hidden = await RegisterApi.ReadAsync<ResponseDetails>(await PutAsync(client, item.Id, Used(published: false, published.Version)), HttpStatusCode.OK);
        await RegisterApi.ReadAsync<ResponseDetails>(await PutAsync(client, item.Id, Used(published: true, hidden.Version)), HttpStatusCode.OK);

        var mail = Assert.Single(fixture.Notifications.Mail, m => m.Key == $"feedback.response:{item.Id}");
        Assert.Equal("test@example.no", mail.ToAddress);
        Assert.Equal($"Response to your input {item.Reference}", mail.Subject);
        Assert.Contains("You proposed: Involver innbyggerne tidlig.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Used in chapter 10.", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_InNynorsk_MailInNynorsk()
    {
        var (item, _) = await SubmitAsync("nn");

        await RegisterApi.ReadAsync<ResponseDetails>(await PutAsync(fixture.Factory.CreateClientAs(People.Coordinator), item.Id, Used()), HttpStatusCode.OK);

        var mail = Assert.Single(fixture.Notifications.Mail, m => m.Key == $"feedback.response:{item.Id}");
        Assert.Equal($"Svar på innspelet ditt {item.Reference}", mail.Subject);
    }

    [Fact]
    public async Task Publish_TwoCoordinatorsAtOnce_OneSavedOneConflictOneMail()
    {
        var (first, _) = await SubmitAsync();
        var (second, _) = await SubmitAsync();
        var client = fixture.Factory.CreateClientAs(People.Coordinator);
        var draft = await RegisterApi.ReadAsync<ResponseDetails>(await PutAsync(client, second.Id, Used(published: false)), HttpStatusCode.OK);

        // The first response published twice at once (the key decides), and an existing one published twice at once (the version decides).
        var creates = await Task.WhenAll(PutAsync(client, first.Id, Used()), PutAsync(fixture.Factory.CreateClientAs(People.Coordinator), first.Id, Used()));
        var updates = await Task.WhenAll(PutAsync(client, second.Id, Used(true, draft.Version)), PutAsync(fixture.Factory.CreateClientAs(People.Coordinator), second.Id, Used(true, draft.Version)));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], creates.Select(r => r.StatusCode).Order());
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], updates.Select(r => r.StatusCode).Order());
        Assert.Single(fixture.Notifications.Mail, m => m.Key == $"feedback.response:{first.Id}");
        Assert.Single(fixture.Notifications.Mail, m => m.Key == $"feedback.response:{second.Id}");
    }

    [Fact]
    public async Task Published_ShownBesideInputAndOnProcess_UnpublishedNowhere()
    {
        var (shown, round) = await SubmitAsync();
        var (draft, _) = await SubmitAsync();
        var coordinator = fixture.Factory.CreateClientAs(People.Coordinator);
        var details = await RegisterApi.ReadAsync<ItemDetails>(await coordinator.GetAsync($"/api/feedback/items/{shown.Id}", Ct), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await RegisterApi.AssessAsync(coordinator, shown.Id, RegisterApi.Assess(details, published: true))).StatusCode);
        await RegisterApi.ReadAsync<ResponseDetails>(await PutAsync(coordinator, shown.Id, Used() with { Summary = "Synlig forslag om samskaping" }), HttpStatusCode.OK);
        await RegisterApi.ReadAsync<ResponseDetails>(await PutAsync(coordinator, draft.Id, Used(published: false) with { Summary = "Skjult utkast til svar" }), HttpStatusCode.OK);
        var anonymous = fixture.Factory.CreateClientAs(null);

        var inputPage = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/innspill/{round}/mottatt", Ct));
        var process = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/prosess", Ct));
        var feed = await anonymous.GetStringAsync("/prosess/feed.atom", Ct);

        Assert.Contains($"id=\"svar-{shown.Reference}\"", inputPage, StringComparison.Ordinal);
        Assert.Contains("Synlig forslag om samskaping", inputPage, StringComparison.Ordinal);
        Assert.Contains("Synlig forslag om samskaping", process, StringComparison.Ordinal);
        Assert.Contains("Synlig forslag om samskaping", feed, StringComparison.Ordinal);
        foreach (var body in new[] { inputPage, process, feed })
        {
            Assert.DoesNotContain("Skjult utkast til svar", body, StringComparison.Ordinal);
        }
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid id, ResponseRequest request) =>
        client.PutAsJsonAsync($"/api/feedback/items/{id}/response", request, FeedbackFixture.Json, Ct);

    // Input sent on the public form in the given language, with an e-mail address for the receipt.
    private async Task<(FeedbackItem Item, Guid RoundId)> SubmitAsync(string language = "nb")
    {
        var round = await fixture.OpenRoundAsync();
        var client = fixture.Factory.CreateClientAs(null);
        var (antiforgery, token) = await PublicForm.OpenAsync(client, round.Id);
        var posted = await PublicForm.PostToAsync(client, $"/innspill/{round.Id}?culture={language}", PublicForm.Valid(antiforgery, token));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var reference = PublicForm.Reference(posted);
        return (await fixture.WithDbAsync(db => db.Items.AsNoTracking().SingleAsync(i => i.Reference == reference, Ct)), round.Id);
    }
}
