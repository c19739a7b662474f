using System.Net;
using System.Net.Http.Json;
using Samordning.Ministries.Ministries;
using Samordning.Shared.History;
using Samordning.Shared.Time;
using Samordning.Tests.Feedback;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Meetings;
using Samordning.Tests.Workstreams;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Tests.History;

// Issue 16, point 4: every record's history, who changed what and when, in the reader's language, for those who
// may read the record.
public sealed class RecordHistoryTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InitiativeHistory_TitleAndPhaseChanged_WhoWhenBeforeAndAfterInBokmaal()
    {
        var (initiative, client) = await CreateAndChangeInitiativeAsync();

        var history = await Problem.ReadOkAsync<HistoryView>(await client.GetAsync($"/api/workstreams/initiatives/{initiative.Id}/history", Ct), HttpStatusCode.OK, Ct);

        Assert.Equal("Nytt navn", history.Title);
        Assert.Equal($"/arbeidsstrommer/tiltak/{initiative.Id}", history.RecordUrl);
        Assert.Equal(["Updated", "Created"], history.Items.Select(i => i.Kind));
        var changed = history.Items[0];
        Assert.Equal("Endret", changed.Action);
        Assert.Equal("Kari Nordmann", changed.Actor);
        Assert.Contains(Oslo.ToOslo(changed.At).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), changed.When, StringComparison.Ordinal);
        Assert.Contains(" kl. ", changed.When, StringComparison.Ordinal);
        var title = Assert.Single(changed.Changes, c => c.Field == "Title");
        Assert.Equal(("Tittel", initiative.Title, "Nytt navn"), (title.Label, title.Before, title.After));
        var phase = Assert.Single(changed.Changes, c => c.Field == "Phase");
        Assert.Equal(("Fase", "Planlagt", "Skaleres"), (phase.Label, phase.Before, phase.After));
        Assert.DoesNotContain(changed.Changes, c => c.Field is "SearchText" or "UpdatedAt" or "Version");
    }

    [Fact]
    public async Task InitiativeHistory_English_FieldNamesValuesAndActionInEnglish()
    {
        var (initiative, client) = await CreateAndChangeInitiativeAsync();

        var history = await Problem.ReadOkAsync<HistoryView>(await client.GetAsync($"/api/workstreams/initiatives/{initiative.Id}/history?ui-culture=en", Ct), HttpStatusCode.OK, Ct);

        var changed = history.Items[0];
        Assert.Equal("Changed", changed.Action);
        Assert.Contains(" at ", changed.When, StringComparison.Ordinal);
        Assert.Equal(("Title", "Phase"), (changed.Changes.Single(c => c.Field == "Title").Label, changed.Changes.Single(c => c.Field == "Phase").Label));
        Assert.Equal("Scaling", changed.Changes.Single(c => c.Field == "Phase").After);
    }

    [Fact]
    public async Task InitiativeHistoryPage_LinkedFromInitiative_ShowsTheChangeInATable()
    {
        var (initiative, client) = await CreateAndChangeInitiativeAsync();

        var page = await client.GetStringAsync($"/arbeidsstrommer/tiltak/{initiative.Id}", Ct);
        var history = await client.GetStringAsync($"/arbeidsstrommer/tiltak/{initiative.Id}/historikk", Ct);

        Assert.Contains($"href=\"/arbeidsstrommer/tiltak/{initiative.Id}/historikk\"", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Tittel</th>", history, StringComparison.Ordinal);
        Assert.Contains("Nytt navn", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeetingHistory_PersonWhoMayNotReadTheMeeting_Forbidden()
    {
        var meeting = await MeetingTestData.CreateAsync(factory);

        var outsider = factory.CreateClientAs(MeetingTestData.Outsider);
        var participant = factory.CreateClientAs(MeetingTestData.ParticipantFin);

        await Problem.ReadAsync(await outsider.GetAsync($"/api/meetings/{meeting.Id}/history", Ct), HttpStatusCode.Forbidden, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/moter/{meeting.Id}/historikk", Ct)).StatusCode);
        var history = await Problem.ReadOkAsync<HistoryView>(await participant.GetAsync($"/api/meetings/{meeting.Id}/history", Ct), HttpStatusCode.OK, Ct);
        Assert.Equal("Created", Assert.Single(history.Items).Kind);
    }

    [Fact]
    public async Task InputItemHistory_ContactPersonOfAnotherMinistry_Forbidden()
    {
        var item = await RegisterApi.RecordAsync(factory.CreateClientAs(People.ContactPersonFin), RegisterApi.Record());

        var other = factory.CreateClientAs(People.ContactPersonHod);

        await Problem.ReadAsync(await other.GetAsync($"/api/feedback/items/{item.Id}/history", Ct), HttpStatusCode.Forbidden, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/innspillsregister/innspill/{item.Id}/historikk", Ct)).StatusCode);
        await Problem.ReadOkAsync<HistoryView>(await factory.CreateClientAs(People.ContactPersonFin).GetAsync($"/api/feedback/items/{item.Id}/history", Ct), HttpStatusCode.OK, Ct);
    }

    [Fact]
    public async Task RegistryHistory_MinistryRenamed_ShownToEveryoneWhoReadsTheRegistry()
    {
        var coordinator = factory.CreateClientAs(People.Coordinator);
        var created = await Problem.ReadOkAsync<MinistryDetails>(await coordinator.PostAsJsonAsync("/api/ministries", Builders.Ministry(), Ct), HttpStatusCode.Created, Ct);
        await Problem.ReadOkAsync<MinistryDetails>(
            await coordinator.PutAsJsonAsync($"/api/ministries/{created.Id}", Builders.Ministry() with { Code = created.Code, NameNb = "Omdøpt", Version = created.Version }, Ct),
            HttpStatusCode.OK, Ct);

        var history = await Problem.ReadOkAsync<HistoryView>(
            await factory.CreateClientAs(People.Observer).GetAsync($"/api/ministries/{created.Id}/history", Ct), HttpStatusCode.OK, Ct);

        var name = Assert.Single(history.Items[0].Changes);
        Assert.Equal(("Navn (bokmål)", "Testdepartementet", "Omdøpt"), (name.Label, name.Before, name.After));
    }

    private async Task<(InitiativeDetails Initiative, HttpClient Client)> CreateAndChangeInitiativeAsync()
    {
        var api = new WorkstreamsApi(factory);
        var request = Builders.Initiative((await api.MinistryAsync("FIN")).Id);
        var created = await api.CreateInitiativeAsync(request);
        var client = api.As(People.Coordinator);
        await WorkstreamsApi.ReadAsync<InitiativeDetails>(
            await WorkstreamsApi.PutAsync(client, $"/api/workstreams/initiatives/{created.Id}", request with { Title = "Nytt navn", Phase = Phase.Scaling, Version = created.Version }),
            HttpStatusCode.OK);
        return (created, client);
    }
}
