using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Samordning.Shared.History;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Workstreams;
using Samordning.Workstreams.Data;

namespace Samordning.Tests.Links;

// Issue 16 on the workstream's own page: following it from there without script (the follows are the Notifications
// module's), and the workstream record's history, linked from the page.
public sealed partial class WorkstreamPageTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private readonly LinkTestData data = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FollowForm_PostedWithoutScript_FollowsThenUnfollowsAndShowsTheState()
    {
        var workstream = await data.Workstreams.CreateWorkstreamAsync();
        var client = factory.CreateClientAs(People.ContactPersonFin);
        var url = $"/arbeidsstrommer/{workstream.Id}";
        var before = await data.PageAsync(People.ContactPersonFin, url);
        Assert.Contains("Du følger ikke arbeidsstrømmen.", LinkTestData.Section(before, "follow", "</form>"), StringComparison.Ordinal);

        var followed = await PostFollowAsync(client, url, follow: true);
        var after = await data.PageAsync(People.ContactPersonFin, url);
        var unfollowed = await PostFollowAsync(client, url, follow: false);

        Assert.Equal(HttpStatusCode.Redirect, followed.StatusCode);
        Assert.Equal($"{url}#folg", followed.Headers.Location?.OriginalString);
        var form = LinkTestData.Section(after, "follow", "</form>");
        Assert.Contains("Du følger arbeidsstrømmen", form, StringComparison.Ordinal);
        Assert.Contains("Slutt å følge", form, StringComparison.Ordinal);
        Assert.Contains("name=\"follow\" value=\"false\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, unfollowed.StatusCode);
        Assert.Contains("Følg arbeidsstrømmen", LinkTestData.Section(await data.PageAsync(People.ContactPersonFin, url), "follow", "</form>"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowForm_Posted_FollowIsThePersonsOwnInTheNotificationsModule()
    {
        var workstream = await data.Workstreams.CreateWorkstreamAsync();
        var url = $"/arbeidsstrommer/{workstream.Id}";

        await PostFollowAsync(factory.CreateClientAs(People.ContactPersonHod), url, follow: true);

        Assert.True(await FollowsAsync(People.ContactPersonHod, workstream.Id));
        Assert.False(await FollowsAsync(People.ContactPersonFin, workstream.Id));
    }

    [Fact]
    public async Task FollowForm_UnknownWorkstream_404()
    {
        var workstream = await data.Workstreams.CreateWorkstreamAsync();
        var client = factory.CreateClientAs(People.Coordinator);
        var form = await client.GetStringAsync($"/arbeidsstrommer/{workstream.Id}", Ct);

        var response = await client.PostAsync($"/arbeidsstrommer/{Guid.NewGuid()}?handler=Follow", Form(form, true), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task WorkstreamHistory_TitleAndStatusChanged_WhoWhenBeforeAndAfter()
    {
        var workstream = await ChangedWorkstreamAsync();

        var history = await Problem.ReadOkAsync<HistoryView>(
            await factory.CreateClientAs(People.ContactPersonFin).GetAsync($"/api/workstreams/{workstream.Id}/history", Ct), HttpStatusCode.OK, Ct);

        Assert.Equal($"/arbeidsstrommer/{workstream.Id}", history.RecordUrl);
        Assert.Equal(["Updated", "Created"], history.Items.Select(i => i.Kind));
        var changed = history.Items[0];
        Assert.Equal("Kari Nordmann", changed.Actor);
        var title = Assert.Single(changed.Changes, c => c.Field == "TitleNb");
        Assert.Equal(("Tittel på bokmål", workstream.TitleNb, $"{workstream.TitleNb} endret"), (title.Label, title.Before, title.After));
        var status = Assert.Single(changed.Changes, c => c.Field == "Status");
        Assert.Equal(("Aktiv", "På vent"), (status.Before, status.After));
        Assert.DoesNotContain(changed.Changes, c => c.Field is "Version" or "SearchIndex");
    }

    [Fact]
    public async Task WorkstreamHistoryPage_LinkedFromTheWorkstreamPage_ShowsTheChange()
    {
        var workstream = await ChangedWorkstreamAsync();

        var page = await data.PageAsync(People.Observer, $"/arbeidsstrommer/{workstream.Id}");
        var history = await data.PageAsync(People.Observer, $"/arbeidsstrommer/{workstream.Id}/historikk");

        Assert.Contains($"href=\"/arbeidsstrommer/{workstream.Id}/historikk\"", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Tittel på bokmål</th>", history, StringComparison.Ordinal);
        Assert.Contains($"{workstream.TitleNb} endret", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkstreamHistory_AnonymousRefusedAnyoneSignedInReads()
    {
        var workstream = await data.Workstreams.CreateWorkstreamAsync();
        var url = $"/api/workstreams/{workstream.Id}/history";

        var anonymous = await factory.CreateClientAs(null).GetAsync(url, Ct);
        var observer = await Problem.ReadOkAsync<HistoryView>(await factory.CreateClientAs(People.Observer).GetAsync(url, Ct), HttpStatusCode.OK, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Created", Assert.Single(observer.Items).Kind);
    }

    private async Task<Samordning.Workstreams.Workstreams.WorkstreamDetails> ChangedWorkstreamAsync()
    {
        var request = Builders.Workstream();
        var created = await data.Workstreams.CreateWorkstreamAsync(request);
        var response = await WorkstreamsApi.PutAsync(
            factory.CreateClientAs(People.Coordinator), $"/api/workstreams/{created.Id}",
            request with { TitleNb = $"{created.TitleNb} endret", Status = WorkstreamStatus.Paused, Version = created.Version });
        await WorkstreamsApi.ReadAsync<Samordning.Workstreams.Workstreams.WorkstreamDetails>(response, HttpStatusCode.OK);
        return created;
    }

    private static async Task<HttpResponseMessage> PostFollowAsync(HttpClient client, string url, bool follow)
    {
        var page = await client.GetStringAsync(url, Ct);
        return await client.PostAsync($"{url}?handler=Follow", Form(page, follow), Ct);
    }

    private static FormUrlEncodedContent Form(string page, bool follow) => new(
    [
        new("__RequestVerificationToken", AntiforgeryToken().Match(page).Groups[1].Value),
        new("follow", follow ? "true" : "false"),
    ]);

    private async Task<bool> FollowsAsync(string email, Guid workstreamId)
    {
        var list = await factory.CreateClientAs(email).GetFromJsonAsync<List<FollowRow>>("/api/notifications/follows", Ct);
        return list!.Single(w => w.WorkstreamId == workstreamId).Following;
    }

    private sealed record FollowRow(Guid WorkstreamId, string Title, bool Following);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
