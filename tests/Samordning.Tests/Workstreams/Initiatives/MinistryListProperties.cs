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

    // Which initiatives change, and how (new collaborators, a new phase, and a new owner unless -1), after the first
    // look. Collaborators drawn the same as before leave them alone, so some saves move only the phase and time.
    private static readonly Gen<(bool Changes, int[] Collaborators, int Phase, int Owner)> Change =
        Gen.Select(Gen.Bool, Gen.Int[0, Ministries - 1].Array[0, Ministries], Gen.Int[0, Phases.Length - 1], Gen.Int[-1, Ministries - 1]);

    [Fact]
    public async Task List_ForAnyOwnersCollaboratorsAndPhases_IsThePlainFilter()
    {
        await Gen.Select(Shape.Array[0, 14], Change.Array[14], Gen.Int[1, 6], Gen.Int[1, 4], Gen.Bool).SampleAsync(
            async (shapes, changes, pageSize, page, together) =>
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

                // New collaborators, phases and owners for some, each a newer change than any before (so the order
                // moves): one save each, or all in one save.
                var changed = new List<Row>();
                for (var n = 0; n < model.Count; n++)
                {
                    if (changes[n].Changes)
                    {
                        model[n] = model[n] with
                        {
                            Owner = changes[n].Owner < 0 ? model[n].Owner : ministries[changes[n].Owner],
                            Collaborators = [.. changes[n].Collaborators.Distinct().Select(c => ministries[c])], Phase = Phases[changes[n].Phase], UpdatedAt = start.AddMinutes(100 + n),
                        };
                        changed.Add(model[n]);
                    }
                }

                if (together)
                {
                    await SaveAsync([.. changed]);
                }
                else
                {
                    foreach (var row in changed)
                    {
                        await SaveAsync(row);
                    }
                }

                await ExpectPlainFilterAsync(model, ministries, pageSize, page);
            }, iter: 12, threads: 1);
    }

    // An import moves many initiatives to the same phase at the same time in one save, one UPDATE for them all; and a
    // context that saves a new initiative and then changes it again must find its listings written once each.
    [Fact]
    public async Task List_AfterOneSaveMovesSeveralAndTheSameContextSavesAgain_IsThePlainFilter()
    {
        var ministries = Enumerable.Range(0, Ministries).Select(_ => Guid.NewGuid()).ToArray();
        var start = DateTimeOffset.UnixEpoch.AddYears(51);
        var model = Enumerable.Range(0, 5)
            .Select(n => new Row(Guid.CreateVersion7(), ministries[n % Ministries], [ministries[(n + 1) % Ministries]], Phase.Idea, start.AddMinutes(n)))
            .ToList();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
        var initiatives = model.Select(r => new Initiative
        {
            Id = r.Id, Title = "Import " + r.Id, OwningMinistryId = r.Owner, OwningMinistryCode = "PROP", Phase = r.Phase, UpdatedAt = r.UpdatedAt, StatusConfirmedAt = r.UpdatedAt,
            CollaboratingMinistries = [.. r.Collaborators.Select(c => new InitiativeMinistry { InitiativeId = r.Id, MinistryId = c, MinistryCode = "SAM" })],
        }).ToList();
        db.Initiatives.AddRange(initiatives);
        await db.SaveChangesAsync(Ct);

        var imported = start.AddDays(1);
        for (var n = 0; n < 4; n++)
        {
            initiatives[n].Phase = Phase.InProgress;
            initiatives[n].UpdatedAt = imported;
            model[n] = model[n] with { Phase = Phase.InProgress, UpdatedAt = imported };
        }

        await db.SaveChangesAsync(Ct);
        await ExpectPlainFilterAsync(model, ministries, pageSize: 10, page: 1, sameTimes: true);

        // Then a new collaborator for the last one, whose listings this context added in its first save.
        var joining = ministries.First(m => m != model[4].Owner && !model[4].Collaborators.Contains(m));
        initiatives[4].CollaboratingMinistries.Add(new InitiativeMinistry { InitiativeId = model[4].Id, MinistryId = joining, MinistryCode = "SAM" });
        model[4] = model[4] with { Collaborators = [.. model[4].Collaborators, joining] };
        await db.SaveChangesAsync(Ct);
        await ExpectPlainFilterAsync(model, ministries, pageSize: 10, page: 1, sameTimes: true);
    }

    // Through a context of its own, as an edit (or an import, for several) would: each initiative read with its
    // collaborators, those gone removed and the new ones added.
    private async Task SaveAsync(params Row[] rows)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
        foreach (var row in rows)
        {
            var initiative = await db.Initiatives.Include(i => i.CollaboratingMinistries).SingleAsync(i => i.Id == row.Id, Ct);
            initiative.CollaboratingMinistries.RemoveAll(m => !row.Collaborators.Contains(m.MinistryId));
            initiative.CollaboratingMinistries.AddRange(row.Collaborators
                .Where(c => initiative.CollaboratingMinistries.All(m => m.MinistryId != c))
                .Select(c => new InitiativeMinistry { InitiativeId = row.Id, MinistryId = c, MinistryCode = "SAM" }));
            initiative.OwningMinistryId = row.Owner;
            initiative.Phase = row.Phase;
            initiative.UpdatedAt = row.UpdatedAt;
        }

        await db.SaveChangesAsync(Ct);
    }

    // sameTimes: several rows share a last change, whose order among them the list leaves to the database, so the
    // page is compared as a set.
    private async Task ExpectPlainFilterAsync(List<Row> model, Guid[] ministries, int pageSize, int page, bool sameTimes = false)
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
                var expectedPage = expected.Skip((page - 1) * pageSize).Take(pageSize).Select(r => (r.Id, r.Collaborators.Length)).ToList();
                var foundPage = found.Items.Select(i => (i.Id, i.CollaboratorCount)).ToList();
                if (sameTimes)
                {
                    Assert.Equal(expected.Count, expectedPage.Count);
                    Assert.Equal(expectedPage.ToHashSet(), foundPage.ToHashSet());
                }
                else
                {
                    Assert.Equal(expectedPage, foundPage);
                }
            }
        }
    }

    private sealed record Row(Guid Id, Guid Owner, Guid[] Collaborators, Phase Phase, DateTimeOffset UpdatedAt);
}
