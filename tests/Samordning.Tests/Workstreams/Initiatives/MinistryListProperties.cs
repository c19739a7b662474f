using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Tests.Workstreams.Initiatives;

// A ministry's list (owning or collaborating, by phase, paged, newest change first) is read from the listings the
// saves keep (MinistryInitiative). Whatever the owners, collaborators and phases, and after they change, it must be
// what a plain filter over the initiatives themselves gives. Each sample has ministries of its own (fresh ids), so
// the rows of other tests and the seed are never on their lists.
public sealed class MinistryListProperties(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private const int Ministries = 3;

    private static readonly Phase[] Phases = Enum.GetValues<Phase>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // One initiative as generated: its owner and collaborators (indexes into the sample's ministries; the owner may
    // be among them, which the database must not count twice) and its phase.
    private static readonly Gen<(int Owner, int[] Collaborators, int Phase)> Shape =
        Gen.Select(Gen.Int[0, Ministries - 1], Gen.Int[0, Ministries - 1].Array[0, Ministries], Gen.Int[0, Phases.Length - 1]);

    // Which initiatives change, and how (new collaborators and a new phase), after the first look.
    private static readonly Gen<(bool Changes, int[] Collaborators, int Phase)> Change =
        Gen.Select(Gen.Bool, Gen.Int[0, Ministries - 1].Array[0, Ministries], Gen.Int[0, Phases.Length - 1]);

    [Fact]
    public async Task List_ForAnyOwnersCollaboratorsAndPhases_IsThePlainFilter()
    {
        await Gen.Select(Shape.Array[0, 14], Change.Array[14], Gen.Int[1, 6], Gen.Int[1, 4]).SampleAsync(
            async (shapes, changes, pageSize, page) =>
            {
                var ministries = Enumerable.Range(0, Ministries).Select(_ => Guid.NewGuid()).ToArray();
                var start = DateTimeOffset.UnixEpoch.AddYears(50).AddMinutes(Random.Shared.Next(1_000_000));
                var model = shapes.Select((s, n) => new Row(Guid.CreateVersion7(), ministries[s.Owner], [.. s.Collaborators.Distinct().Select(c => ministries[c])], Phases[s.Phase], start.AddMinutes(n))).ToList();
                await using (var scope = factory.Services.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
                    db.Initiatives.AddRange(model.Select(r => new Initiative
                    {
                        Id = r.Id, Title = "Egenskap " + r.Id, OwningMinistryId = r.Owner, OwningMinistryCode = "PROP", Phase = r.Phase, UpdatedAt = r.UpdatedAt, StatusConfirmedAt = r.UpdatedAt,
                        CollaboratingMinistries = [.. r.Collaborators.Select(c => new InitiativeMinistry { InitiativeId = r.Id, MinistryId = c, MinistryCode = "SAM" })],
                    }));
                    await db.SaveChangesAsync(Ct);
                }

                await ExpectPlainFilterAsync(model, ministries, pageSize, page);

                // New collaborators and phases for some, each a newer change than any before (so the order moves).
                for (var n = 0; n < model.Count; n++)
                {
                    if (changes[n].Changes)
                    {
                        model[n] = model[n] with
                        {
                            Collaborators = [.. changes[n].Collaborators.Distinct().Select(c => ministries[c])], Phase = Phases[changes[n].Phase], UpdatedAt = start.AddMinutes(100 + n),
                        };
                        await SaveAsync(model[n]);
                    }
                }

                await ExpectPlainFilterAsync(model, ministries, pageSize, page);
            }, iter: 12, threads: 1);
    }

    // Through a context of its own, as an edit would: the initiative read with its collaborators, those gone removed
    // and the new ones added.
    private async Task SaveAsync(Row row)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
        var initiative = await db.Initiatives.Include(i => i.CollaboratingMinistries).SingleAsync(i => i.Id == row.Id, Ct);
        initiative.CollaboratingMinistries.RemoveAll(m => !row.Collaborators.Contains(m.MinistryId));
        initiative.CollaboratingMinistries.AddRange(row.Collaborators
            .Where(c => initiative.CollaboratingMinistries.All(m => m.MinistryId != c))
            .Select(c => new InitiativeMinistry { InitiativeId = row.Id, MinistryId = c, MinistryCode = "SAM" }));
        initiative.Phase = row.Phase;
        initiative.UpdatedAt = row.UpdatedAt;
        await db.SaveChangesAsync(Ct);
    }

    private async Task ExpectPlainFilterAsync(List<Row> model, Guid[] ministries, int pageSize, int page)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
        foreach (var ministry in ministries)
        {
            foreach (var phase in Phases.Cast<Phase?>().Prepend(null))
            {
                var expected = model
                    .Where(r => (r.Owner == ministry || r.Collaborators.Contains(ministry)) && (phase is null || r.Phase == phase))
                    .OrderByDescending(r => r.UpdatedAt)
                    .ToList();

                var found = await ListInitiatives.HandleAsync(db, new InitiativeFilter(MinistryId: ministry, Phase: phase, Page: page, PageSize: pageSize), Ct);

                Assert.Equal(expected.Count, found.Total);
                Assert.Equal(
                    [.. expected.Skip((page - 1) * pageSize).Take(pageSize).Select(r => (r.Id, r.Collaborators.Length))],
                    found.Items.Select(i => (i.Id, i.CollaboratorCount)));
            }
        }
    }

    private sealed record Row(Guid Id, Guid Owner, Guid[] Collaborators, Phase Phase, DateTimeOffset UpdatedAt);
}
