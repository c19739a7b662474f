using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Shared.Search;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Tests.Workstreams.Initiatives;

// The list's text box (q) is a substring of the initiative's SearchText, found through the search index first
// (InitiativeTextSearch): the index must never lose an initiative the substring test finds. What the proof rests on is
// checked here one part at a time (lower-casing, the keys against the stored suffixes), and then
// as a whole: the list through the index is the list of the plain scan, for random texts with Norwegian letters,
// punctuation and what Word pastes (soft hyphens, NBSP, curly quotes), and texts taken from inside them.
public sealed class TextSearchProperties(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Pieces =
    [
        "barnehagene", "Barnehageplass", "skolen", "skoles", "næringslivet", "NÆRING", "Åsen", "forsøk", "fiskerikvoter",
        "heten", "hetenes", "kartlagt", "kartlegger", "leverte", "levert", "endes", "planen", "KDD", "dfd", "2026", "v2",
        "blåbærsyltetøy", "Øl", "ære", "café", "Müller", "straße", "œuvre", "İstanbul", "Kelvin\u212A", "ﬁnans", "αβγ", "Москва",
        "a", "e", "s", "t", "te", "er", "en", "et", "ar", "ast", "ede", "ane", "het", "ers",
        " ", " ", " ", "  ", ".", ",", ";", ":", "-", "–", "—", "(", ")", "/", "\"", "'", "«", "»", "?", "!", "&", "%", "_",
        "\u00AD", "\u00A0", "\u201C", "\u201D", "\u2018", "\u2019", "\u200B", "\t", "\n", "…", "😀", "𐐀",
    ];

    private static readonly Gen<string> Letters = Gen.Char["abcdefghijklmnopqrstuvwxyzæøåÆØÅéüäöABCDEKLMNOSTÜÉ0123456789"].Array[1, 8].Select(c => new string(c));

    private static readonly Gen<string> Text = Gen.Frequency((3, Gen.OneOfConst(Pieces)), (1, Letters)).Array[0, 24].Select(string.Concat);

    private static string Cut(string text, int most) => text.Length <= most ? text : text[..(char.IsHighSurrogate(text[most - 1]) ? most - 1 : most)];

    private static readonly Gen<Document> Documents = Gen.Select(Text, Text, Text, Text, Text, Text.Array[0, 3])
        .Select((title, summary, expected, achieved, code, tags) => new Document(
            Cut(title, 200) is { Length: > 0 } t ? t : "x", Nullable(summary), Nullable(expected), Nullable(achieved), Cut(code.Trim(), 10),
            [.. tags.Select(tag => Cut(tag.Trim().ToLowerInvariant(), 60).Trim()).Where(tag => tag.Length > 0).Distinct(StringComparer.Ordinal)]));

    // Every character of a text: lower-cased alone as in a string, a letter or digit after lower-casing only if it
    // was one before, and lower-cased once for all. So a run of letters in the lower-cased text is the lower-cased form
    // of a run of letters of the text, and folding it (which lower-cases first) folds those letters.
    [Fact]
    public void LowerCasing_EveryCharacter_KeepsWhatTheIndexNeeds()
    {
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            if (char.IsSurrogate(c))
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            Assert.Equal(c.ToString().ToLowerInvariant(), lower.ToString());
            Assert.True(!char.IsLetterOrDigit(lower) || char.IsLetterOrDigit(c), $"U+{(int)c:X4}");
            Assert.Equal(lower, char.ToLowerInvariant(lower));
        }
    }

    // The key of each indexed word of any text from inside SearchText is the start of a suffix the index stores
    // (the same suffixes on SQLite and PostgreSQL), unless the word is inside a tag; and in the stored index itself,
    // which a lookup of a key longer than a suffix checks.
    [Fact]
    public void Keys_AnyTextFromInside_StartAStoredSuffix()
    {
        Gen.Select(Documents, Gen.Int[0, 10_000], Gen.Int[1, 40]).Sample((document, start, length) =>
        {
            var q = Inside(document.SearchText, start, length).Trim().ToLowerInvariant();
            var index = SearchIndex.Of(document.Initiative().SearchDocument());
            var suffixes = SearchSuffixes.Of(index).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => s[1..]).ToList();
            foreach (var word in InitiativeTextSearch.IndexedWords(q).Where(w => !document.Tags.Any(t => t.Contains(w.Text, StringComparison.Ordinal))))
            {
                // A suffix is kept to its first LongestToken letters, and a longer key looked up by as many.
                var looked = word.Key.Length > SearchFullTextSql.LongestToken ? word.Key[..SearchFullTextSql.LongestToken] : word.Key;
                Assert.True(suffixes.Any(s => s.StartsWith(looked, StringComparison.Ordinal)), $"«{q}»: {word.Key} not stored for {document}");
                Assert.Contains(word.Key, index, StringComparison.Ordinal);
            }
        }, iter: 20_000);
    }

    [Fact]
    public async Task List_AnyTextFromInside_IsThePlainScan()
    {
        await Gen.Select(Documents.Array[1, 5], Gen.Select(Gen.Int[0, 4], Gen.Int[0, 10_000], Gen.Int[1, 30], Gen.Bool).Array[4]).SampleAsync(
            async (documents, asks) =>
            {
                var start = DateTimeOffset.UnixEpoch.AddYears(50).AddMinutes(Random.Shared.Next(1_000_000));
                var initiatives = documents.Select((d, n) => d.Initiative(start.AddMinutes(n))).ToList();
                await using (var scope = factory.Services.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
                    db.Initiatives.AddRange(initiatives);
                    await db.SaveChangesAsync(Ct);
                }

                await using (var scope = factory.Services.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
                    foreach (var (which, at, length, upper) in asks)
                    {
                        var document = documents[which % documents.Length];
                        var q = Inside(document.SearchText, at, length);
                        q = upper ? q.ToUpperInvariant() : q;
                        if (string.IsNullOrWhiteSpace(q))
                        {
                            continue;
                        }

                        Assert.Contains(initiatives[which % documents.Length].Id, await AssertListIsThePlainScanAsync(db, q));
                    }
                }
            }, iter: 60, threads: 1);
    }

    // The keys the index is asked for (NarrowingKeys): a three-letter key, whose list is a large share of the table,
    // is left out beside a longer one; with no longer one, every key narrows.
    [Fact]
    public void NarrowingKeys_LeaveThreeLetterKeysOutBesideLongerOnes()
    {
        Assert.Equal(["pilo", "fiskerikvot"], InitiativeTextSearch.NarrowingKeys(InitiativeTextSearch.IndexedWords("pilot for fiskerikvoter")));
        Assert.Equal(["fiskerikvot"], InitiativeTextSearch.NarrowingKeys(InitiativeTextSearch.IndexedWords("for fiskerikvoter")));
        var shortOnly = InitiativeTextSearch.IndexedWords("med for den og");
        Assert.True(shortOnly.Count >= 2, string.Join(", ", shortOnly));
        Assert.Equal(shortOnly.Select(w => w.Key).Distinct(), InitiativeTextSearch.NarrowingKeys(shortOnly));
    }

    // The candidates of a phrase like the benchmark's ask the index for the long keys alone (the list of "for" is what
    // made the search slow: 63 % of the initiatives of the benchmark volume). Words no tag of the other tests holds.
    [Fact]
    public async Task Candidates_PhraseWithACommonShortWord_AskTheIndexForTheLongKeysOnly()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
        const string q = "Reindriftsavtaler for samehusholdninger";
        var ids = await InitiativeTextSearch.CandidateIdsAsync(db, q, Ct);
        if (!SearchMatch.UsesFullText(db, "for"))
        {
            Assert.Null(ids);
            return;
        }

        var sql = ids!.ToQueryString();
        string Asked(string key) => db.Database.IsNpgsql() ? $"t{key}:*" : $"\"{key}\" *";
        var keys = InitiativeTextSearch.IndexedWords(q.ToLowerInvariant()).Select(w => w.Key).ToList();
        Assert.Contains("for", keys);
        Assert.All(keys.Where(k => k.Length > 3), key => Assert.Contains(Asked(key), sql, StringComparison.Ordinal));
        Assert.DoesNotContain(Asked("for"), sql, StringComparison.Ordinal);
    }

    private static readonly string[] Vocabulary =
        ["for", "den", "og", "i", "på", "til", "ing", "pilot", "Piloten", "fiskerikvoter", "fiskeri", "kvoter", "havbruk", "sjø", "forsøk", "kartlegging", "Nord-Norge", "2026"];

    private static readonly Gen<string> Phrase = Gen.OneOfConst(Vocabulary).Array[1, 5].Select(words => string.Join(' ', words));

    private static readonly Gen<Document> VocabularyDocuments = Gen.Select(Phrase, Phrase, Gen.Bool, Gen.OneOfConst([.. Vocabulary, "fiskeripolitikk", "for nord"]).Array[0, 2])
        .Select((title, summary, withSummary, tags) => new Document(
            title, withSummary ? summary : null, null, null, "NFD", [.. tags.Select(t => t.ToLowerInvariant()).Distinct(StringComparer.Ordinal)]));

    // Phrases of short common words (three letters, kept out beside longer ones), long rare ones, words too short to
    // index, words inside tags (left to the test): the list through the index is the plain scan, for phrases any
    // document holds and phrases made at random.
    [Fact]
    public async Task List_PhrasesOfShortAndLongWords_IsThePlainScan()
    {
        await Gen.Select(VocabularyDocuments.Array[1, 6], Phrase.Array[3], Gen.Int[0, 5], Gen.Int[0, 200], Gen.Int[3, 40]).SampleAsync(
            async (documents, phrases, which, at, length) =>
            {
                // Older than the other property's, whose own initiative must be among the newest 200 of its text.
                var start = DateTimeOffset.UnixEpoch.AddYears(40).AddMinutes(Random.Shared.Next(1_000_000));
                await using (var scope = factory.Services.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
                    db.Initiatives.AddRange(documents.Select((d, n) => d.Initiative(start.AddMinutes(n))));
                    await db.SaveChangesAsync(Ct);
                }

                await using (var scope = factory.Services.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
                    var document = documents[which % documents.Length];
                    foreach (var q in phrases.Append(Inside(document.SearchText, at, length)).Where(q => !string.IsNullOrWhiteSpace(q)))
                    {
                        await AssertListIsThePlainScanAsync(db, q);
                    }
                }
            }, iter: 40, threads: 1);
    }

    // A searched list is counted and paged from its hits' sort keys in memory (ListInitiatives.SearchedPageAsync): any
    // page of any size, in either order, with many initiatives changed at the same instant (an import saves its rows
    // at one) and ids of any bytes, is the page the database orders, with the database's count.
    [Fact]
    public async Task List_SearchedPagesWithTiedInstants_AreTheDatabasesPages()
    {
        await Gen.Select(VocabularyDocuments.Array[2, 12], Gen.Int[0, 2].Array[12], Gen.Bool, Gen.Int[1, 4], Gen.Int[1, 5], Phrase).SampleAsync(
            async (documents, instants, oldestStatusFirst, pageSize, page, phrase) =>
            {
                var start = DateTimeOffset.UnixEpoch.AddYears(30).AddMinutes(Random.Shared.Next(1_000_000));
                await using (var scope = factory.Services.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
                    db.Initiatives.AddRange(documents.Select((d, n) => d.Initiative(start.AddMinutes(instants[n]), Guid.NewGuid())));
                    await db.SaveChangesAsync(Ct);
                }

                await using (var scope = factory.Services.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
                    foreach (var q in new[] { phrase, documents[0].Title })
                    {
                        var filter = new InitiativeFilter(Q: q, Page: page, PageSize: pageSize, Sort: oldestStatusFirst ? InitiativeFilter.SortConfirmed : null);
                        var matching = ListInitiatives.Apply(db.Initiatives.AsNoTracking(), filter);
                        var ordered = oldestStatusFirst
                            ? matching.OrderBy(i => i.StatusConfirmedAt).ThenBy(i => i.Id)
                            : matching.OrderByDescending(i => i.UpdatedAt).ThenBy(i => i.Id);
                        var expected = await ordered.Skip((page - 1) * pageSize).Take(pageSize).Select(i => i.Id).ToListAsync(Ct);

                        var found = await ListInitiatives.HandleAsync(db, filter, Ct);

                        Assert.Equal(await matching.CountAsync(Ct), found.Total);
                        Assert.Equal(expected, found.Items.Select(i => i.Id));
                    }
                }
            }, iter: 40, threads: 1);
    }

    // Past ListInitiatives.KeysPaged hits a searched list stops reading its hits' keys and lets the database count and
    // page, as an unsearched list does. A word in one more initiative than that, with changes at shared instants: the
    // total, the first and last pages in either order and a page past the end are the database's.
    [Fact]
    public async Task List_SearchWithMoreHitsThanKeysRead_CountsAndPagesInTheDatabase()
    {
        var word = "kvote" + new string([.. Enumerable.Range(0, 8).Select(_ => (char)('a' + Random.Shared.Next(26)))]);
        var hits = ListInitiatives.KeysPaged + 1;
        var start = DateTimeOffset.UnixEpoch.AddYears(31).AddMinutes(Random.Shared.Next(1_000_000));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
            db.Initiatives.AddRange(Enumerable.Range(0, hits).Select(n =>
                new Document($"Tiltak {n} om {word}", null, null, null, "KDD", []).Initiative(start.AddMinutes(n % 97), Guid.NewGuid())));
            await db.SaveChangesAsync(Ct);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
            foreach (var (oldestStatusFirst, page) in new[] { (false, 1), (true, 1), (false, 51), (true, 51), (false, 52) })
            {
                var filter = new InitiativeFilter(Q: word, Page: page, PageSize: 200, Sort: oldestStatusFirst ? InitiativeFilter.SortConfirmed : null);
                var matching = ListInitiatives.Apply(db.Initiatives.AsNoTracking(), filter);
                var ordered = oldestStatusFirst
                    ? matching.OrderBy(i => i.StatusConfirmedAt).ThenBy(i => i.Id)
                    : matching.OrderByDescending(i => i.UpdatedAt).ThenBy(i => i.Id);
                var expected = await ordered.Skip((page - 1) * 200).Take(200).Select(i => i.Id).ToListAsync(Ct);

                var found = await ListInitiatives.HandleAsync(db, filter, Ct);

                Assert.Equal(hits, found.Total);
                Assert.Equal(page == 51 ? 1 : page == 52 ? 0 : 200, found.Items.Count);
                Assert.Equal(expected, found.Items.Select(i => i.Id));
            }
        }
    }

    // The list of q (its first 200, newest change first) and its total, through the index, against the plain scan;
    // the ids of the scan.
    private static async Task<List<Guid>> AssertListIsThePlainScanAsync(WorkstreamsDbContext db, string q)
    {
        var filter = new InitiativeFilter(Q: q, PageSize: 200);
        var scanned = ListInitiatives.Apply(db.Initiatives.AsNoTracking(), filter);
        var expected = await scanned.OrderByDescending(i => i.UpdatedAt).ThenBy(i => i.Id).Select(i => i.Id).Take(200).ToListAsync(Ct);
        var found = await ListInitiatives.HandleAsync(db, filter, Ct);

        Assert.Equal(await scanned.CountAsync(Ct), found.Total);
        Assert.Equal(expected, found.Items.Select(i => i.Id));
        return expected;
    }

    // A piece of text of at most length characters from about start, never half of a surrogate pair.
    private static string Inside(string text, int start, int length)
    {
        var from = start % (text.Length + 1);
        var to = Math.Min(text.Length, from + length);
        from += from < text.Length && char.IsLowSurrogate(text[from]) ? 1 : 0;
        to -= to > from && char.IsHighSurrogate(text[to - 1]) ? 1 : 0;
        return to > from ? text[from..to] : "";
    }

    private static string? Nullable(string text) => text.Length == 0 ? null : Cut(text, 4000);

    private sealed record Document(string Title, string? Summary, string? ExpectedResults, string? AchievedResults, string Code, string[] Tags)
    {
        public string SearchText => InitiativeRequest.SearchTextOf(Initiative());

        public Initiative Initiative(DateTimeOffset? updatedAt = null, Guid? withId = null)
        {
            var id = withId ?? Guid.CreateVersion7();
            var initiative = new Initiative
            {
                Id = id, Title = Title, Summary = Summary, ExpectedResults = ExpectedResults, AchievedResults = AchievedResults, OwningMinistryId = Guid.NewGuid(), OwningMinistryCode = Code,
                Phase = Phase.Idea, UpdatedAt = updatedAt ?? DateTimeOffset.UnixEpoch, StatusConfirmedAt = updatedAt ?? DateTimeOffset.UnixEpoch,
            };
            initiative.Tags.AddRange(Tags.Select(t => new InitiativeTag { InitiativeId = id, Tag = t }));
            initiative.SearchText = InitiativeRequest.SearchTextOf(initiative);
            return initiative;
        }

        public override string ToString() =>
            $"title «{Title}», summary «{Summary}», expected «{ExpectedResults}», achieved «{AchievedResults}», code «{Code}», tags «{string.Join("», «", Tags)}»";
    }
}
