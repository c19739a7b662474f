using System.Net;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Rounds;

namespace Samordning.Tests.Workstreams.Freshness;

// The one-click "unchanged" page a reminder links to: GET shows, POST confirms once in the round, and every case
// that cannot be confirmed gets a clear page of its own.
public sealed class OneClickConfirmTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private readonly FreshnessData data = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_OwnInitiativeInOpenRound_ShowsStatusAndChangesNothing()
    {
        var initiative = await data.FinInitiativeAsync("Uendret ved visning");
        var round = await data.OpenRoundAsync("Visning endrer ingenting");
        var before = await data.Api.GetInitiativeAsync(initiative.Id);

        var (status, html) = await FreshnessData.GetAsync(data.Api.As(People.ContactPersonFin), FreshnessData.ConfirmUrl(round.Id, initiative.Id));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Bekreft uendret status", html, StringComparison.Ordinal);
        Assert.Contains("Venter på budsjett", html, StringComparison.Ordinal);
        Assert.Contains("Bekreftet i dag", html, StringComparison.Ordinal);
        Assert.Empty(await data.ConfirmationsAsync(round.Id, initiative.Id));
        var after = await data.Api.GetInitiativeAsync(initiative.Id);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.StatusConfirmedAt, after.StatusConfirmedAt);
    }

    [Fact]
    public async Task Post_Twice_ConfirmedOnceInTheRound()
    {
        var initiative = await data.FinInitiativeAsync("Bekreftes med ett klikk");
        var round = await data.OpenRoundAsync("Ett klikk");
        await data.AgeAsync(initiative.Id, DateTimeOffset.UtcNow.AddDays(-70));
        var client = data.Api.As(People.ContactPersonFin);
        var url = FreshnessData.ConfirmUrl(round.Id, initiative.Id);
        var (_, form) = await FreshnessData.GetAsync(client, url);

        var (status, html) = await FreshnessData.PostFormAsync(client, url, form);
        var (againStatus, again) = await FreshnessData.PostFormAsync(client, url, form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Takk! «Bekreftes med ett klikk» er bekreftet i «Ett klikk».", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.Contains("ble bekreftet i «Ett klikk»", again, StringComparison.Ordinal);
        Assert.Contains("av Per Hansen", again, StringComparison.Ordinal);
        var confirmation = Assert.Single(await data.ConfirmationsAsync(round.Id, initiative.Id));
        Assert.Equal("Per Hansen", confirmation.PersonName);
        var after = await data.Api.GetInitiativeAsync(initiative.Id);
        Assert.Equal(confirmation.ConfirmedAt, after.StatusConfirmedAt);
        Assert.Equal(initiative.Version + 1, after.Version);
        var fin = await data.Api.MinistryAsync("FIN");
        var progress = await WorkstreamsApi.ReadAsync<RoundProgress>(await data.Api.As(People.Observer).GetAsync($"/api/workstreams/rounds/{round.Id}", Ct), HttpStatusCode.OK);
        Assert.Equal(RoundState.InProgress, progress.Ministries.Single(m => m.MinistryId == fin.Id).State);
    }

    [Fact]
    public async Task Get_AlreadyConfirmedInTheRound_SaysWhenAndByWhom()
    {
        var initiative = await data.FinInitiativeAsync("Allerede bekreftet");
        var round = await data.OpenRoundAsync("Bekreftet før");
        var confirm = await WorkstreamsApi.PostAsync(data.Api.As(People.Coordinator), $"/api/workstreams/rounds/{round.Id}/initiatives/{initiative.Id}/confirm", new ConfirmRequest(null));
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);

        var (status, html) = await FreshnessData.GetAsync(data.Api.As(People.ContactPersonFin), FreshnessData.ConfirmUrl(round.Id, initiative.Id));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Tiltaket er allerede bekreftet", html, StringComparison.Ordinal);
        Assert.Contains("av Kari Nordmann", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Bekreft uendret status", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAndPost_OtherMinistrysInitiative_ClearPageAndNoConfirmation()
    {
        var initiative = await data.FinInitiativeAsync("Ikke ditt tiltak");
        var round = await data.OpenRoundAsync("Feil departement");
        var client = data.Api.As(People.ContactPersonHod);
        var url = FreshnessData.ConfirmUrl(round.Id, initiative.Id);
        var (_, own) = await FreshnessData.GetAsync(client, $"/arbeidsstrommer/runder/{round.Id}");

        var (status, html) = await FreshnessData.GetAsync(client, url);
        var (postStatus, _) = await FreshnessData.PostFormAsync(client, url, own);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("Du kan ikke bekrefte dette tiltaket", html, StringComparison.Ordinal);
        Assert.Contains("«Ikke ditt tiltak» tilhører FIN.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, postStatus);
        Assert.Empty(await data.ConfirmationsAsync(round.Id, initiative.Id));
    }

    [Fact]
    public async Task GetAndPost_ClosedRound_ClearPageAndNoConfirmation()
    {
        var initiative = await data.FinInitiativeAsync("I avsluttet runde");
        var round = await data.OpenRoundAsync("Avsluttes snart");
        var client = data.Api.As(People.ContactPersonFin);
        var url = FreshnessData.ConfirmUrl(round.Id, initiative.Id);
        var (_, form) = await FreshnessData.GetAsync(client, url);
        await data.CloseRoundAsync(round.Id);

        var (status, html) = await FreshnessData.GetAsync(client, url);
        var (postStatus, posted) = await FreshnessData.PostFormAsync(client, url, form);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("Rapporteringsrunden er avsluttet", html, StringComparison.Ordinal);
        Assert.Contains("tar ikke imot flere bekreftelser", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, postStatus);
        Assert.Contains("tar ikke imot flere bekreftelser", posted, StringComparison.Ordinal);
        Assert.Empty(await data.ConfirmationsAsync(round.Id, initiative.Id));
    }

    [Fact]
    public async Task Get_UnknownRoundOrInitiative_ClearNotFoundPages()
    {
        var initiative = await data.FinInitiativeAsync("Kjent tiltak");
        var round = await data.OpenRoundAsync("Kjent runde");
        var client = data.Api.As(People.ContactPersonFin);

        var (roundStatus, noRound) = await FreshnessData.GetAsync(client, FreshnessData.ConfirmUrl(Guid.NewGuid(), initiative.Id));
        var (initiativeStatus, noInitiative) = await FreshnessData.GetAsync(client, FreshnessData.ConfirmUrl(round.Id, Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, roundStatus);
        Assert.Contains("Fant ikke rapporteringsrunden", noRound, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, initiativeStatus);
        Assert.Contains("Fant ikke tiltaket", noInitiative, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_InitiativeChangedSincePageShown_ShowsCurrentStatusAndDoesNotConfirm()
    {
        var hod = await data.Api.MinistryAsync("HOD");
        var initiative = await data.Api.CreateInitiativeAsync(
            Builders.Initiative((await data.Api.MinistryAsync("FIN")).Id) with { Title = "Endret i mellomtiden", CollaboratingMinistryIds = [hod.Id] }, People.ContactPersonFin);
        var round = await data.OpenRoundAsync("Endring underveis");
        var client = data.Api.As(People.ContactPersonFin);
        var url = FreshnessData.ConfirmUrl(round.Id, initiative.Id);
        var (_, form) = await FreshnessData.GetAsync(client, url);
        // A collaborating ministry's update changes the status without answering the round for FIN.
        var update = await WorkstreamsApi.PostAsync(data.Api.As(People.ContactPersonHod), $"/api/workstreams/initiatives/{initiative.Id}/progress",
            Builders.Progress(initiative.Version) with { Status = Rag.Amber, StatusReason = "Budsjett uavklart" });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        var (status, html) = await FreshnessData.PostFormAsync(client, url, form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Tiltaket er endret siden du åpnet siden.", html, StringComparison.Ordinal);
        Assert.Contains("Budsjett uavklart", html, StringComparison.Ordinal);
        Assert.Empty(await data.ConfirmationsAsync(round.Id, initiative.Id));
    }

    [Fact]
    public async Task Deadline_OpenRound_EachContactPersonGetsUnchangedLinksForTheirMinistrysUnconfirmed()
    {
        var initiative = await data.FinInitiativeAsync("Lenke i påminnelsen");
        var confirmed = await data.FinInitiativeAsync("Allerede bekreftet i runden");
        var round = await data.OpenRoundAsync("Påminnelse med lenker");
        var confirm = await WorkstreamsApi.PostAsync(data.Api.As(People.ContactPersonFin), $"/api/workstreams/rounds/{round.Id}/initiatives/{confirmed.Id}/confirm", new ConfirmRequest(null));
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);

        var deadline = await data.DeadlineAsync(round.Id);

        var per = deadline.ActionsFor(await factory.PersonIdAsync(People.ContactPersonFin, Ct));
        Assert.Contains(per, a => a.Link == FreshnessData.ConfirmUrl(round.Id, initiative.Id) && a.Label.Nb == "Lenke i påminnelsen");
        Assert.DoesNotContain(per, a => a.Link.EndsWith(confirmed.Id.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(deadline.ActionsFor(await factory.PersonIdAsync(People.ContactPersonHod, Ct)), a => a.Link.EndsWith(initiative.Id.ToString(), StringComparison.Ordinal));
    }
}
