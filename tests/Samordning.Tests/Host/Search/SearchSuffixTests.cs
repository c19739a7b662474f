using System.Data.Common;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Feedback.Data;
using Samordning.Shared.Search;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Data;

namespace Samordning.Tests.Host.Search;

// PostgreSQL's suffix index behind search (SearchMatch, SearchSuffixes): every indexed table has it, the planner
// takes it for the query SearchMatch sends, rows from before the column are filled at start-up, and it answers
// exactly what the LIKE over the stored index answers.
[Trait("Pass", "Server")]
public sealed class SearchSuffixTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    // Few letters, so words share runs and terms hit; 'ø' and 'å' fold to two letters; words up to past the
    // longest suffix kept (40), so long terms are checked by their start and the LIKE.
    private static readonly Gen<string> Word = Gen.Char["abeløå1"].Array[1, 46].Select(c => new string(c));

    // At most four words (187 characters), so "T " or "P " and a text fit the 200 characters of a title and a
    // contributor's name: PostgreSQL refuses longer ones where SQLite stores them (CI met a title of 236).
    private static readonly Gen<string> Text = Word.Array[0, 4].Select(w => string.Join(' ', w));

    private readonly SearchData data = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Count_OnPostgreSql_ReadsTheNarrowTableNotTheInitiatives()
    {
        var marker = SearchData.Marker();
        var id = await data.InitiativeAsync($"Bare i den brede tabellen {marker}");
        Assert.Equal(1, await SearchFullTextTests.CountAsync(factory, marker));

        // The narrow row goes; the initiative keeps its vector, which a count of the initiatives would find.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
            var deleted = await db.Database.ExecuteSqlAsync($"""DELETE FROM "workstreams"."Initiatives_SearchVectors" WHERE "Id" = {id}""", Ct);
            Assert.Equal(1, deleted);
        }

        Assert.Equal(0, await SearchFullTextTests.CountAsync(factory, marker));
    }

    [Fact]
    public async Task SuffixIndex_OnPostgreSql_EveryIndexedTableHasOneThatSearchUses()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        foreach (var db in SearchFullTextTests.Contexts(scope.ServiceProvider))
        {
            var schema = db.Model.GetDefaultSchema()!;
            foreach (var table in SearchFullTextTests.IndexedTables(db))
            {
                var definition = await db.Database.SqlQuery<string>(
                    $"SELECT indexdef AS \"Value\" FROM pg_indexes WHERE schemaname = {schema} AND tablename = {table} AND indexname = {SearchFullTextSql.SuffixIndexOf(table)}")
                    .SingleOrDefaultAsync(Ct);
                Assert.True(definition?.Contains($"USING gin (\"{SearchFullTextSql.PostgreSqlVectorColumn}\")", StringComparison.Ordinal) == true, $"{schema}.{table}: {definition}");

                // The vector the index covers is the database's own reading of the suffix text, kept on every write.
                var generated = await db.Database.SqlQuery<string>(
                    $"SELECT data_type || ' ' || is_generated || ' ' || generation_expression AS \"Value\" FROM information_schema.columns WHERE table_schema = {schema} AND table_name = {table} AND column_name = {SearchFullTextSql.PostgreSqlVectorColumn}")
                    .SingleOrDefaultAsync(Ct);
                Assert.True(generated?.StartsWith("tsvector ALWAYS", StringComparison.Ordinal) == true && generated.Contains("SearchSuffixes", StringComparison.Ordinal), $"{schema}.{table}: {generated}");
            }
        }

        // The query SearchMatch sends, as EF Core sends it: the planner takes the index whenever a scan is not
        // simply cheaper (a small table).
        var workstreams = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
        var query = SearchMatch.Rows<Initiative>(workstreams, ["plass", "barnehage"], SearchSection.Readable).Select(i => i.Id).ToQueryString();
        var plan = await ExplainAsync(workstreams.Database.GetDbConnection(), query, SearchSuffixes.Query(["plass", "barnehage"], SearchSection.Readable));

        Assert.Contains(SearchFullTextSql.SuffixIndexOf("Initiatives"), plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backfill_RowWithoutSuffixes_FoundAfterStartUp()
    {
        var marker = SearchData.Marker();
        var id = await data.InitiativeAsync($"Skrevet rundt EF {marker}");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
        // As a row from before the column, or one a writer around EF Core left without them.
        await db.Database.ExecuteSqlAsync($"""UPDATE workstreams."Initiatives" SET "SearchSuffixes" = NULL WHERE "Id" = {id}""", Ct);
        Assert.Empty(await FoundAsync(marker));

        await SearchIndexBackfill.RunAsync<Initiative>(db, Ct);

        Assert.Equal([id], await FoundAsync(marker));
    }

    [Fact]
    public async Task SuffixSearch_AnyTextsAndTerms_SameRowsAsTheLike()
    {
        var texts = Gen.Select(Text, Text, Text);
        var samples = texts.Array[1, 3].SelectMany(rows =>
        {
            var words = rows.SelectMany(r => new[] { r.Item1, r.Item2, r.Item3 }).SelectMany(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).DefaultIfEmpty("abel").ToArray();
            // A run of a word in the rows (found, unless folding or stemming moves it) or any word.
            var part = Gen.Select(Gen.Int[0, words.Length - 1], Gen.Int[0, 45], Gen.Int[1, 46], (w, start, length) =>
                words[w][Math.Min(start, words[w].Length - 1)..][..Math.Min(length, words[w].Length - Math.Min(start, words[w].Length - 1))]);
            return Gen.Select(Gen.Const(rows), Gen.OneOf(part, Word).Array[1, 3]);
        });

        await samples.SampleAsync(
            async sample =>
            {
                var (rows, rawTerms) = sample;
                var terms = NorwegianText.Terms(string.Join(' ', rawTerms));
                var initiatives = new List<Guid>();
                var items = new List<Guid>();
                foreach (var (title, body, personal) in rows)
                {
                    initiatives.Add(await data.InitiativeAsync($"T {title}", $"S {body}"));
                    items.Add(await data.InputAsync($"S {body} {title}", contributorName: $"P {personal}"));
                }

                await using var scope = factory.Services.CreateAsyncScope();
                var workstreams = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
                var feedback = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
                foreach (var section in Enum.GetValues<SearchSection>())
                {
                    Assert.Equal(
                        await LikeAsync(workstreams.Initiatives.Where(i => initiatives.Contains(i.Id)), terms, section).Select(i => i.Id).Order().ToListAsync(Ct),
                        await SearchMatch.Rows<Initiative>(workstreams, terms, section).Where(i => initiatives.Contains(i.Id)).Select(i => i.Id).Order().ToListAsync(Ct));
                    Assert.Equal(
                        await LikeAsync(feedback.Items.Where(i => items.Contains(i.Id)), terms, section).Select(i => i.Id).Order().ToListAsync(Ct),
                        await SearchMatch.Rows<FeedbackItem>(feedback, terms, section).Where(i => items.Contains(i.Id)).Select(i => i.Id).Order().ToListAsync(Ct));
                }
            },
            iter: 40,
            threads: 1,
            print: sample => $"rows [{string.Join(", ", sample.Item1)}], terms [{string.Join(", ", sample.Item2)}]");
    }

    // The portable answer: the LIKE of every term over the stored index.
    private static IQueryable<T> LikeAsync<T>(IQueryable<T> rows, IEnumerable<string> terms, SearchSection section)
        where T : ISearchIndexed
    {
        foreach (var term in terms)
        {
            var pattern = SearchMatch.Pattern(term, section);
            rows = rows.Where(r => EF.Functions.Like(r.SearchIndex, pattern));
        }

        return rows;
    }

    // EXPLAIN of a query as EF Core shows it (its parameter declared in a comment line), with scans off.
    private static async Task<string> ExplainAsync(DbConnection connection, string query, string parameter)
    {
        var sql = string.Join('\n', query.Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal)));
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SET enable_seqscan = off; EXPLAIN {sql}";
        var p = command.CreateParameter();
        p.ParameterName = "p0";
        p.Value = parameter;
        command.Parameters.Add(p);
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        do
        {
            while (await reader.ReadAsync(Ct))
            {
                plan.Add(reader.GetString(0));
            }
        }
        while (await reader.NextResultAsync(Ct));

        return string.Join('\n', plan);
    }

    private async Task<IReadOnlyList<Guid>> FoundAsync(string query) =>
        [.. (await data.SearchAsync(People.Observer, query)).Items.Select(i => i.Id)];
}
