using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Rounds;

namespace Samordning.Tests.Workstreams.Rounds;

// A round's unconfirmed list of a ministry (its running initiatives with no confirmation in the round, by title, ties
// by id, a page and the total) is read from an index in its order. Whatever the phases, owners and confirmations, and
// after phases and owners change once an initiative is confirmed (the confirmation keeps the ministry that owned it
// then), it must be what a plain filter over the initiatives gives. Each sample has a round and ministries of its
// own, so the seed's rows are never on its lists; the round is closed, so no save here answers it.
public sealed class UnconfirmedListProperties(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private const int Ministries = 3;

    private static readonly Phase[] Phases = Enum.GetValues<Phase>();

    // Titles that tie (then the id decides) and sort alike under any collation.
    private static readonly string[] Titles = ["Tiltak 1", "Tiltak 2", "Tiltak 3"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // One initiative: its owner, phase and title, whether it is confirmed in the round, and whether (and how) its
    // owner and phase change after that.
    private static readonly Gen<(int Owner, int Phase, int Title, bool Confirmed, bool Changes, int NewOwner, int NewPhase)> Shape =
        Gen.Select(Gen.Int[0, Ministries - 1], Gen.Int[0, Phases.Length - 1], Gen.Int[0, Titles.Length - 1], Gen.Bool, Gen.Bool, Gen.Int[0, Ministries - 1], Gen.Int[0, Phases.Length - 1]);

    [Fact]
    public async Task Unconfirmed_ForAnyPhasesOwnersAndConfirmations_IsThePlainFilter()
    {
        await Gen.Select(Shape.Array[0, 16], Gen.Int[1, 5], Gen.Int[1, 4]).SampleAsync(
            async (shapes, pageSize, page) =>
            {
                var ministries = Enumerable.Range(0, Ministries).Select(_ => Guid.NewGuid()).ToArray();
                var model = shapes.Select(s => new Row(Guid.NewGuid(), ministries[s.Owner], Phases[s.Phase], Titles[s.Title], s.Confirmed)).ToList();
                Guid round;
                await using (var scope = factory.Services.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
                    var now = DateTimeOffset.UtcNow;
                    var reportingRound = new ReportingRound { Title = "Egenskapsrunde", OpenedAt = now, OpenedBy = "Test", Deadline = now.AddDays(7), ClosedAt = now };
                    round = reportingRound.Id;
                    db.ReportingRounds.Add(reportingRound);
                    db.Initiatives.AddRange(model.Select(r => new Initiative
                    {
                        Id = r.Id, Title = r.Title, OwningMinistryId = r.Owner, OwningMinistryCode = "PROP", Phase = r.Phase, UpdatedAt = now, StatusConfirmedAt = now,
                    }));
                    db.RoundConfirmations.AddRange(model.Where(r => r.Confirmed).Select(r => new RoundConfirmation
                    {
                        RoundId = round, InitiativeId = r.Id, MinistryId = r.Owner, ConfirmedAt = now, PersonName = "Test",
                    }));
                    await db.SaveChangesAsync(Ct);
                }

                await ExpectPlainFilterAsync(model, ministries, round, pageSize, page);

                // Some change owner and phase after their confirmation (or after none).
                for (var n = 0; n < model.Count; n++)
                {
                    if (shapes[n].Changes)
                    {
                        model[n] = model[n] with { Owner = ministries[shapes[n].NewOwner], Phase = Phases[shapes[n].NewPhase] };
                        await SaveAsync(model[n]);
                    }
                }

                await ExpectPlainFilterAsync(model, ministries, round, pageSize, page);
            }, iter: 12, threads: 1);
    }

    private async Task SaveAsync(Row row)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
        var initiative = await db.Initiatives.SingleAsync(i => i.Id == row.Id, Ct);
        initiative.OwningMinistryId = row.Owner;
        initiative.Phase = row.Phase;
        await db.SaveChangesAsync(Ct);
    }

    private async Task ExpectPlainFilterAsync(List<Row> model, Guid[] ministries, Guid round, int pageSize, int page)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
        foreach (var ministry in ministries)
        {
            // Ids in the stores' order: SQLite compares their text, PostgreSQL their bytes, both as the text sorts.
            var expected = model
                .Where(r => r.Owner == ministry && r.Phase is not (Phase.Completed or Phase.Stopped) && !r.Confirmed)
                .OrderBy(r => r.Title, StringComparer.Ordinal).ThenBy(r => r.Id.ToString(), StringComparer.Ordinal)
                .ToList();

            var found = await RoundAnswers.UnconfirmedPageAsync(db, round, ministry, new UnconfirmedPaging(page, pageSize), Ct);

            Assert.Equal(expected.Count, found.Total);
            Assert.Equal(
                [.. expected.Skip((page - 1) * pageSize).Take(pageSize).Select(r => (r.Id, r.Title, r.Phase))],
                found.Items.Select(i => (i.Id, i.Title, i.Phase)));
        }
    }

    private sealed record Row(Guid Id, Guid Owner, Phase Phase, string Title, bool Confirmed);
}
