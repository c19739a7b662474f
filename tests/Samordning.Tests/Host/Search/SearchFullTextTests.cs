using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Feedback.Data;
using Samordning.Meetings.Data;
using Samordning.Ministries.Data;
using Samordning.Shared.Search;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Data;

namespace Samordning.Tests.Host.Search;

// The full-text seam behind search (SearchMatch): SQLite's FTS5 suffix tables, kept in step by triggers on every
// write path, and PostgreSQL's suffix column and index (SearchSuffixTests); terms too short for a suffix keep the LIKE.
public sealed class SearchFullTextTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private readonly SearchData data = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_RecordWrittenThroughEveryWritePath_FoundThenGone()
    {
        var marker = SearchData.Marker();
        var renamed = SearchData.Marker();
        var id = await data.InitiativeAsync($"Lagret med EF {marker}");
        Assert.Equal([id], await FoundAsync(marker));

        await RenameWithoutTrackingAsync(id, $"Endret i grupper {renamed}");

        Assert.Equal([id], await FoundAsync(renamed));
        Assert.Empty(await FoundAsync(marker));

        await RemoveAsync(id);

        Assert.Empty(await FoundAsync(renamed));
    }

    // The capped count reads what every write path keeps in step: SQLite's full-text table, PostgreSQL's narrow table
    // of vectors (its trigger on insert and on an update of the suffixes, the foreign key's cascade on delete).
    [Fact]
    public async Task Count_RecordWrittenThroughEveryWritePath_CountedThenGone()
    {
        var marker = SearchData.Marker();
        var renamed = SearchData.Marker();
        var id = await data.InitiativeAsync($"Telles med EF {marker}");
        await data.InitiativeAsync($"Telles også {marker}");
        Assert.Equal((2, 0), (await CountAsync(marker), await CountAsync(renamed)));
        Assert.Equal(1, await CountAsync(marker, upTo: 1));

        await RenameWithoutTrackingAsync(id, $"Endret uten sporing {renamed}");

        Assert.Equal((1, 1), (await CountAsync(marker), await CountAsync(renamed)));

        await RemoveAsync(id);

        Assert.Equal((1, 0), (await CountAsync(marker), await CountAsync(renamed)));
    }

    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task Search_OnSqlite_ReadsTheFullTextTableNotTheColumn()
    {
        var marker = SearchData.Marker();
        var id = await data.InitiativeAsync($"Bare i kolonnen {marker}");

        // The row's full-text entry goes; its SearchIndex column still holds the marker, which a LIKE would find.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
            var deleted = await db.Database.ExecuteSqlAsync(
                $"""DELETE FROM "Initiatives_Search" WHERE rowid = (SELECT rowid FROM "Initiatives" WHERE "Id" = {id})""", Ct);
            Assert.Equal(1, deleted);
        }

        Assert.Empty(await FoundAsync(marker));
    }

    [Fact]
    public async Task Search_ShortTermBesideLongOne_MatchesOnlyAtTheStartOfAWord()
    {
        var marker = SearchData.Marker();
        var atStart = await data.InitiativeAsync($"Ai i skolen {marker}");
        await data.InitiativeAsync($"Kaia i byen {marker}");

        Assert.Equal([atStart], await FoundAsync($"ai {marker}"));
    }

    [Fact]
    public async Task Search_OnlyShortTerms_StillFindsTheWord()
    {
        var marker = SearchData.Marker();
        var id = await data.InitiativeAsync($"Plan q7 for {marker}");

        var results = await data.SearchAsync(People.Observer, "/api/search?q=q7&kind=initiative&pageSize=50");

        Assert.Contains(id, results.Items.Select(i => i.Id));
    }

    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task FullText_OnSqlite_EveryIndexedTableHasItsTableAndTriggers()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        foreach (var db in Contexts(scope.ServiceProvider))
        {
            foreach (var table in IndexedTables(db))
            {
                var fts = SearchFullTextSql.TableOf(table);
                var names = await db.Database.SqlQuery<string>($"SELECT name AS \"Value\" FROM sqlite_master WHERE tbl_name = {fts} OR (type = 'trigger' AND tbl_name = {table})")
                    .ToListAsync(Ct);
                Assert.True(
                    new[] { fts, fts + "_Insert", fts + "_Update", fts + "_Delete" }.All(names.Contains),
                    $"{table}: {string.Join(", ", names)}");
            }
        }
    }

    private async Task RemoveAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
        db.Initiatives.Remove(await db.Initiatives.SingleAsync(i => i.Id == id, Ct));
        await db.SaveChangesAsync(Ct);
    }

    // ExecuteUpdate queued in the group writer, as statements without change tracking are written.
    private async Task RenameWithoutTrackingAsync(Guid id, string title)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
        var initiative = await db.Initiatives.AsNoTracking().SingleAsync(i => i.Id == id, Ct);
        initiative.Title = title;
        var index = SearchIndex.Of(initiative.SearchDocument());
        // A writer around SaveChanges writes the index and, on PostgreSQL, its suffixes (SQLite's triggers need none).
        var suffixes = db.Database.IsNpgsql() ? SearchSuffixes.Of(index) : null;
        await db.ExecuteWriteAsync(
            ct => db.Initiatives.Where(i => i.Id == id).ExecuteUpdateAsync(
                set => set.SetProperty(i => i.Title, initiative.Title).SetProperty(i => i.SearchIndex, index).SetProperty(i => EF.Property<string?>(i, SearchSuffixes.PropertyName), suffixes), ct),
            Ct);
    }

    private Task<int> CountAsync(string term, int upTo = 10) => CountAsync(factory, term, upTo);

    // SearchMatch.CountAsync of the initiatives, as the search asks it.
    internal static async Task<int> CountAsync(SamordningFactory factory, string term, int upTo = 10)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
        return await SearchMatch.CountAsync<Initiative>(db, NorwegianText.Terms(term), SearchSection.Readable, upTo, Ct);
    }

    private async Task<IReadOnlyList<Guid>> FoundAsync(string query) =>
        [.. (await data.SearchAsync(People.Observer, query)).Items.Select(i => i.Id)];

    internal static DbContext[] Contexts(IServiceProvider services) =>
    [
        services.GetRequiredService<MinistriesDbContext>(), services.GetRequiredService<WorkstreamsDbContext>(),
        services.GetRequiredService<MeetingsDbContext>(), services.GetRequiredService<FeedbackDbContext>(),
    ];

    internal static IEnumerable<string> IndexedTables(DbContext db) =>
        db.Model.GetEntityTypes().Where(e => typeof(ISearchIndexed).IsAssignableFrom(e.ClrType)).Select(e => e.GetTableName()!);
}
