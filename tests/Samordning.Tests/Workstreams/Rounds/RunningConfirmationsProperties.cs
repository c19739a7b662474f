using System.Net;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;
using Samordning.Workstreams.Rounds;

namespace Samordning.Tests.Workstreams.Rounds;

// A confirmation counts among the running (RoundConfirmation.CountsAsRunning, which the overview counts from an index)
// exactly when its initiative still runs and the ministry that gave it still owns it. Whatever initiatives are
// confirmed in whatever phase, and however their phases and owners change afterwards through the API (each edit also
// confirms them in the open rounds not yet answered), the kept flag of every confirmation must be that plain test,
// and a ministry's count in the round the plain count over the initiatives.
public sealed class RunningConfirmationsProperties(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private static readonly Phase[] Phases = Enum.GetValues<Phase>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // One initiative: its owner and phase, whether it is confirmed in the round, and whether (and how) it is edited after.
    private static readonly Gen<(bool Fin, int Phase, bool Confirmed, bool Changes, bool NewFin, int NewPhase)> Shape =
        Gen.Select(Gen.Bool, Gen.Int[0, Phases.Length - 1], Gen.Bool, Gen.Bool, Gen.Bool, Gen.Int[0, Phases.Length - 1]);

    [Fact]
    public async Task CountsAsRunning_AfterAnyConfirmationsPhasesAndOwners_IsThePlainTest()
    {
        var api = new WorkstreamsApi(factory);
        var fin = (await api.MinistryAsync("FIN")).Id;
        var hod = (await api.MinistryAsync("HOD")).Id;
        var coordinator = api.As(People.Coordinator);
        await Shape.Array[1, 5].SampleAsync(
            async shapes =>
            {
                var round = (await WorkstreamsApi.ReadAsync<RoundProgress>(
                    await WorkstreamsApi.PostAsync(coordinator, "/api/workstreams/rounds", new OpenRoundRequest($"Runde {Guid.NewGuid():N}", null, DateTimeOffset.UtcNow.AddDays(7))),
                    HttpStatusCode.Created)).Id;
                var created = new List<InitiativeDetails>();
                foreach (var shape in shapes)
                {
                    var initiative = await api.CreateInitiativeAsync(Builders.Initiative(shape.Fin ? fin : hod) with { Phase = Phases[shape.Phase] });
                    created.Add(initiative);
                    if (shape.Confirmed)
                    {
                        await WorkstreamsApi.ReadAsync<InitiativeDetails>(
                            await WorkstreamsApi.PostAsync(coordinator, $"/api/workstreams/rounds/{round}/initiatives/{initiative.Id}/confirm", new ConfirmRequest(null)), HttpStatusCode.OK);
                    }
                }

                foreach (var (shape, initiative) in shapes.Zip(created))
                {
                    if (shape.Changes)
                    {
                        var current = await api.GetInitiativeAsync(initiative.Id);
                        var edited = WorkstreamsApi.AsRequest(current) with { OwningMinistryId = shape.NewFin ? fin : hod, Phase = Phases[shape.NewPhase] };
                        await WorkstreamsApi.ReadAsync<InitiativeDetails>(
                            await WorkstreamsApi.PutAsync(coordinator, $"/api/workstreams/initiatives/{initiative.Id}", edited), HttpStatusCode.OK);
                    }
                }

                await ExpectPlainTestAsync(round, [fin, hod]);
            }, iter: 8, threads: 1);
    }

    // The import updates initiatives by reference outside the edit form: a re-import that completes a confirmed
    // initiative takes its confirmation out of the running, as an edit does, and one that resumes it puts it back.
    [Fact]
    public async Task CountsAsRunning_ReImportCompletesThenResumesAConfirmedInitiative_FollowsBoth()
    {
        var api = new WorkstreamsApi(factory);
        var fin = (await api.MinistryAsync("FIN")).Id;
        var coordinator = api.As(People.Coordinator);
        var marker = "run" + Guid.NewGuid().ToString("N")[..10];
        await ImportAsync(api, marker, "Pågår");
        var round = (await WorkstreamsApi.ReadAsync<RoundProgress>(
            await WorkstreamsApi.PostAsync(coordinator, "/api/workstreams/rounds", new OpenRoundRequest($"Runde {marker}", null, DateTimeOffset.UtcNow.AddDays(7))),
            HttpStatusCode.Created)).Id;
        var initiative = await api.WithDbAsync(db => db.Initiatives.AsNoTracking().SingleAsync(i => i.Reference == $"{marker}-1", Ct));
        await WorkstreamsApi.ReadAsync<InitiativeDetails>(
            await WorkstreamsApi.PostAsync(coordinator, $"/api/workstreams/rounds/{round}/initiatives/{initiative.Id}/confirm", new ConfirmRequest(null)), HttpStatusCode.OK);
        var confirmed = await api.WithDbAsync(db => db.RoundConfirmations.AsNoTracking().SingleAsync(c => c.RoundId == round && c.InitiativeId == initiative.Id, Ct));

        await ImportAsync(api, marker, "Fullført");

        var completed = await api.WithDbAsync(db => db.RoundConfirmations.AsNoTracking().SingleAsync(c => c.RoundId == round && c.InitiativeId == initiative.Id, Ct));
        await ExpectPlainTestAsync(round, [fin]);
        await ImportAsync(api, marker, "Pågår");

        var resumed = await api.WithDbAsync(db => db.RoundConfirmations.AsNoTracking().SingleAsync(c => c.RoundId == round && c.InitiativeId == initiative.Id, Ct));
        Assert.Equal((true, false, true), (confirmed.CountsAsRunning, completed.CountsAsRunning, resumed.CountsAsRunning));
        await ExpectPlainTestAsync(round, [fin]);
    }

    private static async Task ImportAsync(WorkstreamsApi api, string marker, string phase)
    {
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"Referanse;Tittel;Fremdrift (%);Fase\r\n{marker}-1;\"Tiltak {marker}\";40;{phase}\r\n"));
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        content.Add(part, "file", "liste.csv");
        var client = api.As(People.ContactPersonFin);
        var preview = await Problem.ReadOkAsync<Samordning.Workstreams.Initiatives.Import.ImportPreview>(
            await client.PostAsync("/api/workstreams/initiatives/imports", content, Ct), HttpStatusCode.Created, Ct);
        await Problem.ReadOkAsync<Samordning.Workstreams.Initiatives.Import.ImportPreview>(
            await WorkstreamsApi.PostAsync(client, $"/api/workstreams/initiatives/imports/{preview.Id}/confirm", new Samordning.Workstreams.Initiatives.Import.ImportConfirmRequest(preview.Version, preview.Stamp)),
            HttpStatusCode.OK, Ct);
    }

    private async Task ExpectPlainTestAsync(Guid round, Guid[] ministries)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
        var initiatives = await db.Initiatives.AsNoTracking().ToDictionaryAsync(i => i.Id, i => (i.OwningMinistryId, i.Phase), Ct);
        var confirmations = await db.RoundConfirmations.AsNoTracking().ToListAsync(Ct);
        bool Counts(RoundConfirmation c) =>
            initiatives[c.InitiativeId] is var (owner, phase) && owner == c.MinistryId && phase is not (Phase.Completed or Phase.Stopped);

        Assert.All(confirmations, c => Assert.True(Counts(c) == c.CountsAsRunning, $"Confirmation of {c.InitiativeId} in {c.RoundId}: kept {c.CountsAsRunning}, plain {Counts(c)}."));
        foreach (var ministry in ministries)
        {
            var plain = await db.RoundConfirmations.AsNoTracking()
                .Where(c => c.RoundId == round && c.MinistryId == ministry)
                .Join(RoundProgress.ToConfirm(db.Initiatives.AsNoTracking()).Where(i => i.OwningMinistryId == ministry), c => c.InitiativeId, i => i.Id, (c, i) => c)
                .CountAsync(Ct);
            Assert.Equal(plain, await db.RoundConfirmations.CountAsync(c => c.RoundId == round && c.MinistryId == ministry && c.CountsAsRunning, Ct));
        }
    }
}
