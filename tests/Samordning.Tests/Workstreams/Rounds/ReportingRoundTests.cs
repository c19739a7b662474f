using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Shared.Deadlines;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;
using Samordning.Workstreams.Rounds;

namespace Samordning.Tests.Workstreams.Rounds;

// A reporting round from opening to closing: each ministry's state, the unconfirmed initiatives, confirm and
// submit, and the round's deadline as the reminder sweep sees it through IDeadlineSource.
public sealed class ReportingRoundTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private readonly WorkstreamsApi api = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Open_DeadlineInThePast_DeadlineErrorAndNoRound()
    {
        var before = await RoundsAsync();

        var response = await WorkstreamsApi.PostAsync(api.As(People.Coordinator), "/api/workstreams/rounds", new OpenRoundRequest("Status per 1. mars", null, DateTimeOffset.UtcNow.AddMinutes(-1)));

        Assert.Equal(["Fristen må være fram i tid."], (await Problem.ReadErrorsAsync(response, Ct))["Deadline"]);
        Assert.Equal(before.Count, (await RoundsAsync()).Count);
    }

    [Fact]
    public async Task Open_NoTitleNoDeadlineInEnglish_BothFieldsInEnglish()
    {
        var response = await WorkstreamsApi.PostAsync(api.As(People.Coordinator), "/api/workstreams/rounds?culture=en-GB", new OpenRoundRequest(" ", null, null));

        var errors = await Problem.ReadErrorsAsync(response, Ct);
        Assert.Equal(["Title is required."], errors["Title"]);
        Assert.Equal(["The deadline is required."], errors["Deadline"]);
    }

    [Fact]
    public async Task Unconfirmed_UnknownRound_NotFound()
    {
        var fin = await api.MinistryAsync("FIN");

        var response = await api.As(People.Coordinator).GetAsync($"/api/workstreams/rounds/{Guid.NewGuid()}/ministries/{fin.Id}/unconfirmed", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Round_ConfirmAndSubmit_StatesUnconfirmedAndDeadlineRecipientsFollow()
    {
        var fin = await api.MinistryAsync("FIN");
        var hod = await api.MinistryAsync("HOD");
        var running = await api.CreateInitiativeAsync(Builders.Initiative(fin.Id) with { Title = "Løpende A" }, People.ContactPersonFin);
        var other = await api.CreateInitiativeAsync(Builders.Initiative(fin.Id) with { Title = "Løpende B", Phase = Phase.InProgress }, People.ContactPersonFin);
        var completed = await api.CreateInitiativeAsync(Builders.Initiative(fin.Id) with { Title = "Ferdig C", Phase = Phase.Completed, Progress = 100 }, People.ContactPersonFin);
        var deadline = new DateTimeOffset(DateTimeOffset.UtcNow.Year + 1, 3, 1, 11, 0, 0, TimeSpan.Zero);

        var round = await OpenAsync("Status per 1. mars", deadline);

        Assert.Equal(deadline, round.Deadline);
        Assert.All(round.Ministries, m => Assert.Equal(RoundState.NotStarted, m.State));
        var unconfirmed = await UnconfirmedAsync(round.Id, fin.Id);
        Assert.Contains(unconfirmed, i => i.Id == running.Id);
        Assert.Contains(unconfirmed, i => i.Id == other.Id);
        Assert.DoesNotContain(unconfirmed, i => i.Id == completed.Id);
        var finContact = await factory.PersonIdAsync(People.ContactPersonFin, Ct);
        var hodContact = await factory.PersonIdAsync(People.ContactPersonHod, Ct);
        var opened = await DeadlineAsync(round.Id);
        Assert.NotNull(opened);
        Assert.Equal(deadline, opened.DueAt);
        Assert.Equal(RoundDeadlines.Kind, opened.Kind);
        Assert.Equal($"/arbeidsstrommer/runder/{round.Id}", opened.Link);
        Assert.Contains(finContact, opened.RecipientPersonIds);
        Assert.Contains(hodContact, opened.RecipientPersonIds);
        Assert.DoesNotContain(await factory.PersonIdAsync(People.Observer, Ct), opened.RecipientPersonIds);

        // Confirming one: FIN is in progress, the rest still listed; submitting now is refused.
        await ConfirmAsync(round.Id, running.Id, People.ContactPersonFin, null);
        var afterOne = await RoundAsync(round.Id);
        var finState = afterOne.Ministries.Single(m => m.MinistryId == fin.Id);
        Assert.Equal(RoundState.InProgress, finState.State);
        Assert.Equal(1, finState.Confirmed);
        Assert.Equal(RoundState.NotStarted, afterOne.Ministries.Single(m => m.MinistryId == hod.Id).State);
        Assert.DoesNotContain(await UnconfirmedAsync(round.Id, fin.Id), i => i.Id == running.Id);
        var early = await WorkstreamsApi.PostAsync(api.As(People.ContactPersonFin), $"/api/workstreams/rounds/{round.Id}/submit", new SubmitRequest(fin.Id));
        Assert.Contains("ikke bekreftet", Assert.Single((await Problem.ReadErrorsAsync(early, Ct))["MinistryId"]), StringComparison.Ordinal);

        // The rest confirmed, one of them with an update of its progress; then FIN submits.
        await ConfirmAsync(round.Id, other.Id, People.ContactPersonFin, Builders.Progress(other.Version) with { Progress = 65 });
        Assert.Equal(65, (await api.GetInitiativeAsync(other.Id)).Progress);
        foreach (var left in await UnconfirmedAsync(round.Id, fin.Id))
        {
            await ConfirmAsync(round.Id, left.Id, People.ContactPersonFin, null);
        }

        Assert.Empty(await UnconfirmedAsync(round.Id, fin.Id));
        var submitted = await WorkstreamsApi.ReadAsync<RoundProgress>(
            await WorkstreamsApi.PostAsync(api.As(People.ContactPersonFin), $"/api/workstreams/rounds/{round.Id}/submit", new SubmitRequest(fin.Id)), HttpStatusCode.OK);
        var finSubmitted = submitted.Ministries.Single(m => m.MinistryId == fin.Id);
        Assert.Equal(RoundState.Submitted, finSubmitted.State);
        Assert.Equal("Per Hansen", finSubmitted.SubmittedBy);
        Assert.NotNull(finSubmitted.SubmittedAt);
        var afterSubmit = await DeadlineAsync(round.Id);
        Assert.NotNull(afterSubmit);
        Assert.DoesNotContain(finContact, afterSubmit.RecipientPersonIds);
        Assert.Contains(hodContact, afterSubmit.RecipientPersonIds);

        // Closing ends it: no deadline, no more confirmations.
        var hodInitiative = await api.CreateInitiativeAsync(Builders.Initiative(hod.Id), People.ContactPersonHod);
        var closed = await WorkstreamsApi.ReadAsync<RoundProgress>(await api.As(People.Coordinator).PostAsync($"/api/workstreams/rounds/{round.Id}/close", null, Ct), HttpStatusCode.OK);
        Assert.NotNull(closed.ClosedAt);
        Assert.Null(await DeadlineAsync(round.Id));
        var late = await WorkstreamsApi.PostAsync(api.As(People.ContactPersonHod), $"/api/workstreams/rounds/{round.Id}/initiatives/{hodInitiative.Id}/confirm", new ConfirmRequest(null));
        Assert.Equal(["Rapporteringsrunden er avsluttet."], (await Problem.ReadErrorsAsync(late, Ct))["Round"]);
    }

    [Fact]
    public async Task Update_ByOwningMinistry_ConfirmsInOpenRound()
    {
        var kd = await api.MinistryAsync("KD");
        var initiative = await api.CreateInitiativeAsync(Builders.Initiative(kd.Id), People.ContactPersonKd);
        var round = await OpenAsync("Status per 1. juni", DateTimeOffset.UtcNow.AddDays(30));
        Assert.Contains(await UnconfirmedAsync(round.Id, kd.Id), i => i.Id == initiative.Id);

        var update = await WorkstreamsApi.PostAsync(api.As(People.ContactPersonKd), $"/api/workstreams/initiatives/{initiative.Id}/progress", Builders.Progress(initiative.Version));

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.DoesNotContain(await UnconfirmedAsync(round.Id, kd.Id), i => i.Id == initiative.Id);
        Assert.Equal(RoundState.InProgress, (await RoundAsync(round.Id)).Ministries.Single(m => m.MinistryId == kd.Id).State);
    }

    [Fact]
    public async Task Update_ByCollaboratingMinistry_DoesNotConfirmForTheOwner()
    {
        var kd = await api.MinistryAsync("KD");
        var hod = await api.MinistryAsync("HOD");
        var initiative = await api.CreateInitiativeAsync(Builders.Initiative(kd.Id) with { CollaboratingMinistryIds = [hod.Id] }, People.ContactPersonKd);
        var round = await OpenAsync("Status per 1. september", DateTimeOffset.UtcNow.AddDays(30));

        var update = await WorkstreamsApi.PostAsync(api.As(People.ContactPersonHod), $"/api/workstreams/initiatives/{initiative.Id}/progress", Builders.Progress(initiative.Version));

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Contains(await UnconfirmedAsync(round.Id, kd.Id), i => i.Id == initiative.Id);
    }

    [Fact]
    public async Task Submit_Twice_FirstSubmissionKept()
    {
        var kd = await api.MinistryAsync("KD");
        var round = await OpenAsync("Dobbeltklikk", DateTimeOffset.UtcNow.AddDays(7));
        foreach (var left in await UnconfirmedAsync(round.Id, kd.Id))
        {
            await ConfirmAsync(round.Id, left.Id, People.ContactPersonKd, null);
        }

        var first = await WorkstreamsApi.ReadAsync<RoundProgress>(
            await WorkstreamsApi.PostAsync(api.As(People.ContactPersonKd), $"/api/workstreams/rounds/{round.Id}/submit", new SubmitRequest(kd.Id)), HttpStatusCode.OK);
        var second = await WorkstreamsApi.ReadAsync<RoundProgress>(
            await WorkstreamsApi.PostAsync(api.As(People.Coordinator), $"/api/workstreams/rounds/{round.Id}/submit", new SubmitRequest(kd.Id)), HttpStatusCode.OK);

        var firstKd = first.Ministries.Single(m => m.MinistryId == kd.Id);
        var secondKd = second.Ministries.Single(m => m.MinistryId == kd.Id);
        Assert.Equal(firstKd.SubmittedAt, secondKd.SubmittedAt);
        Assert.Equal("Ola Johansen", secondKd.SubmittedBy);
    }

    [Fact]
    public async Task Submit_UnknownMinistry_MinistryError()
    {
        var round = await OpenAsync("Ukjent departement", DateTimeOffset.UtcNow.AddDays(7));

        var response = await WorkstreamsApi.PostAsync(api.As(People.Coordinator), $"/api/workstreams/rounds/{round.Id}/submit", new SubmitRequest(Guid.NewGuid()));

        Assert.Equal(["Velg et departement som finnes."], (await Problem.ReadErrorsAsync(response, Ct))["MinistryId"]);
    }

    [Fact]
    public async Task Confirm_UnknownRound_NotFound()
    {
        var initiative = await api.CreateInitiativeAsync(Builders.Initiative((await api.MinistryAsync("FIN")).Id));

        var response = await WorkstreamsApi.PostAsync(api.As(People.Coordinator), $"/api/workstreams/rounds/{Guid.NewGuid()}/initiatives/{initiative.Id}/confirm", new ConfirmRequest(null));

        await Problem.ReadAsync(response, HttpStatusCode.NotFound, Ct);
    }

    private async Task<RoundProgress> OpenAsync(string title, DateTimeOffset deadline) =>
        await WorkstreamsApi.ReadAsync<RoundProgress>(
            await WorkstreamsApi.PostAsync(api.As(People.Coordinator), "/api/workstreams/rounds", new OpenRoundRequest(title, "Oppdater alle tiltak.", deadline)), HttpStatusCode.Created);

    private async Task ConfirmAsync(Guid roundId, Guid initiativeId, string email, ProgressRequest? update)
    {
        var response = await WorkstreamsApi.PostAsync(api.As(email), $"/api/workstreams/rounds/{roundId}/initiatives/{initiativeId}/confirm", new ConfirmRequest(update));
        await WorkstreamsApi.ReadAsync<InitiativeDetails>(response, HttpStatusCode.OK);
    }

    private async Task<RoundProgress> RoundAsync(Guid id) =>
        await WorkstreamsApi.ReadAsync<RoundProgress>(await api.As(People.Observer).GetAsync($"/api/workstreams/rounds/{id}", Ct), HttpStatusCode.OK);

    private async Task<List<RoundListItem>> RoundsAsync() =>
        await WorkstreamsApi.ReadAsync<List<RoundListItem>>(await api.As(People.Observer).GetAsync("/api/workstreams/rounds", Ct), HttpStatusCode.OK);

    private Task<List<UnconfirmedInitiative>> UnconfirmedAsync(Guid roundId, Guid ministryId) =>
        WorkstreamsApi.AllUnconfirmedAsync(api.As(People.Observer), roundId, ministryId);

    // The round's deadline as every deadline source offers it to the reminder sweep, or null when there is none.
    private async Task<Deadline?> DeadlineAsync(Guid roundId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var deadlines = new List<Deadline>();
        foreach (var source in scope.ServiceProvider.GetRequiredService<IEnumerable<IDeadlineSource>>())
        {
            await foreach (var deadline in source.GetOpenDeadlinesAsync(DateTimeOffset.UtcNow, until: null, Ct))
            {
                deadlines.Add(deadline);
            }
        }

        return deadlines.SingleOrDefault(d => d.Key == $"workstreams.round:{roundId}");
    }
}
