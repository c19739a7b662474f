using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Samordning.Shared.Search;

namespace Samordning.Benchmarks.Data;

// What the input loader wrote, for the report and the register scenarios' filters.
internal sealed record InputSummary(int Rounds, int Items, Guid LargestOpenRound, int ReceivedInLargestOpenRound, TimeSpan Elapsed);

// Tops the Feedback module's register up to two input items per initiative (issue 19: 10,000 / 100,000 / 1,000,000
// at 5,000 / 50,000 / 500,000 initiatives), after the initiative loader (VolumeData) has written the ministries and
// workstreams the items point at. Rows as the product stores them (BulkRows: prepared inserts on SQLite, binary COPY
// on PostgreSQL), in slices of 100,000 items: the rounds (one per 2,500 items, the older ones closed, sizes uneven),
// the items (85 % answer a round, mostly through the web form; the rest e-mail, letters, meetings and one-to-one
// talks), their workstreams and tags, and the search index the product keeps on every save (SearchIndex, and on
// PostgreSQL its suffix text, which BulkRows adds). The full-text tables follow the rows by themselves: on SQLite
// the suffix table's triggers (SearchFullTextSql.CreateSqliteV2), on PostgreSQL the stored tsvector column and its
// GIN index (CreatePostgreSqlV3), the same path the product's own inserts take.
internal static class InputData
{
    public const int ItemsPerInitiative = 2;

    // The word the register search looks for: in about one text in fourteen, never inside another word of the texts.
    public const string SearchWord = "universell";

    private const string Store = "feedback";
    private const int ItemsPerRound = 2_500;
    private const int Slice = 100_000;
    private const string ReferenceAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private static readonly string[] Channels = ["Email", "Letter", "Meeting", "OneToOne"];
    private static readonly string[] ContributorTypes = ["Ministry", "Agency", "Supplier", "Research", "Organisation", "Citizen"];
    private static readonly double[] ContributorWeights = [10, 25, 15, 10, 25, 15];
    private static readonly string[] ClosedStatuses = ["Used", "NotUsed", "Answered", "BeingAssessed"];
    private static readonly string[] Tags = ["digitalisering", "regelverk", "personvern", "brukerbehov", "kostnader", "samarbeid", "kompetanse", "datadeling"];

    private static readonly string[] Openings =
    [
        "Vi støtter forslaget om", "Vi har innvendinger mot", "Vi ber departementet vurdere", "Erfaringene våre viser behov for",
        "Kommunene trenger avklaring om", "Leverandørene etterlyser tydelige krav til",
    ];

    private static readonly string[] Themes =
    [
        "felles løsninger for innbyggere", "deling av data mellom etater", "bedre veiledning til søkere", "enklere rapportering for næringslivet",
        "sikker identifisering", "saksbehandling uten papir", "finansiering av fellestiltak", "opplæring av ansatte",
    ];

    private static readonly string[] Organisations =
    [
        "Norsk forbund for utviklingshemmede", "Kommunesektorens organisasjon", "Abelia", "Huseierne", "Forbrukerrådet", "Datatilsynet",
        "Virke", "Norges Bondelag", "Universitetet i Bergen", "Akademikerne",
    ];

    public static async Task<InputSummary> GenerateAsync(
        IConfiguration configuration, int initiatives, IReadOnlyList<(Guid Id, string Code)> ministriesBySize, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var db = new BenchDatabase(configuration);
        List<Guid> workstreams;
        await using (var workstreamsStore = await db.OpenAsync("workstreams", cancellationToken))
        {
            workstreams = await db.ListAsync(workstreamsStore, $"""SELECT "Id" FROM {db.Table("workstreams", "Workstreams")} """, r => BenchDatabase.ReadId(r.GetValue(0)), cancellationToken);
        }

        await using var connection = await db.OpenAsync(Store, cancellationToken);
        var existing = await db.CountAsync(connection, $"""SELECT COUNT(*) FROM {db.Table(Store, "Items")} """, cancellationToken);
        var toWrite = (initiatives * ItemsPerInitiative) - existing;
        var random = new Random(20_261_207);
        var rounds = toWrite > 0 ? await WriteRoundsAsync(db, toWrite, random, now, cancellationToken) : [];
        if (toWrite > 0)
        {
            await WriteItemsAsync(db, toWrite, rounds, ministriesBySize, workstreams, random, now, cancellationToken);
        }

        if (db.OnPostgres)
        {
            // As the initiative loader: fresh statistics and the GIN index's pending list merged before measuring.
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = """VACUUM (ANALYZE) "feedback"."Items", "feedback"."FeedbackWorkstream", "feedback"."FeedbackTag", "feedback"."Rounds" """;
            vacuum.CommandTimeout = 600;
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }

        // The register list's filter: the open round with the most unhandled input, as the KMD team works it.
        var largest = await db.ListAsync(connection, $"""
            SELECT i."RoundId", COUNT(*) FROM {db.Table(Store, "Items")} AS i JOIN {db.Table(Store, "Rounds")} AS r ON r."Id" = i."RoundId"
            WHERE r."Deadline" > @p0 AND i."Status" = 'Received' GROUP BY i."RoundId" ORDER BY COUNT(*) DESC LIMIT 1
            """, r => (Id: BenchDatabase.ReadId(r.GetValue(0)), Count: Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture)), cancellationToken, now);
        var totalRounds = await db.CountAsync(connection, $"""SELECT COUNT(*) FROM {db.Table(Store, "Rounds")} """, cancellationToken);
        var totalItems = await db.CountAsync(connection, $"""SELECT COUNT(*) FROM {db.Table(Store, "Items")} """, cancellationToken);
        return largest.Count == 0
            ? throw new InvalidOperationException("The input loader left no open round with received input.")
            : new InputSummary(totalRounds, totalItems, largest[0].Id, largest[0].Count, Stopwatch.GetElapsedTime(started));
    }

    private sealed record Round(Guid Id, DateTimeOffset OpensAt, DateTimeOffset Deadline, double Weight);

    // One round per 2,500 items, a few weeks each, the newest still open; some draw five times the input of others.
    private static async Task<List<Round>> WriteRoundsAsync(BenchDatabase db, int items, Random random, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var count = Math.Max(4, items / ItemsPerRound);
        var rows = new BulkRows(db, Store);
        var rounds = new List<Round>();
        for (var n = 0; n < count; n++)
        {
            // Spread over the years before now, newest last; the last three open.
            var deadline = n >= count - 3 ? now.AddDays(7 + (n - count + 3) * 10) : now.AddDays(-10 - ((count - 4 - n) * 3650.0 / count));
            var opensAt = deadline.AddDays(-42);
            var id = Guid.CreateVersion7();
            var title = string.Create(CultureInfo.InvariantCulture, $"Innspillsrunde {n + 1}: {Themes[n % Themes.Length]}");
            rows.Add("Rounds", ["Id", "Title", "Description", "Audience", "OpensAt", "Deadline", "IsPublic", "RetentionMonths", "CreatedAt", "CreatedBy", "AnonymisedAt", "Version"],
                id, title, null, 63, opensAt, deadline, n % 3 != 0, 36, opensAt.AddDays(-7), "Generert koordinator", null, 1L);
            rounds.Add(new Round(id, opensAt, deadline, 0.5 + (random.NextDouble() * 2.5)));
        }

        await rows.WriteAsync(cancellationToken);
        return rounds;
    }

    private static async Task WriteItemsAsync(
        BenchDatabase db, int count, List<Round> rounds, IReadOnlyList<(Guid Id, string Code)> ministries, List<Guid> workstreams, Random random,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        string[] columns =
        [
            "Id", "Reference", "RoundId", "Channel", "Source", "ReceivedAt", "ContributorType", "OrganisationName", "OrganisationNumber", "ContributorName",
            "ContributorEmail", "MinistryId", "Text", "ConsentToPublish", "ConsentToPublishName", "Published", "Exempt", "ExemptionBasis", "HandlerPersonId",
            "HandlerName", "Status", "Assessment", "IdempotencyToken", "Language", "MeetingEntryId", "AnonymisedAt", "Version", "SearchIndex",
        ];
        var roundWeights = rounds.Select(r => r.Weight).ToArray();
        var ministryWeights = ministries.Select((_, i) => 1.0 / (i + 1.5)).ToArray();
        var rows = new BulkRows(db, Store);
        for (var n = 0; n < count; n++)
        {
            var id = Guid.CreateVersion7();
            var inRound = random.Next(100) < 85;
            var round = inRound ? rounds[PickWeighted(random, roundWeights)] : null;
            var open = round is not null && round.Deadline > now;
            var receivedAt = round is not null
                ? round.OpensAt.AddMinutes(random.Next(0, (int)Math.Max(1, (Min(round.Deadline, now) - round.OpensAt).TotalMinutes)))
                : now.AddMinutes(-random.Next(1, 3650 * 24 * 60));
            var channel = round is not null && random.Next(100) < 90 ? "WebForm" : Channels[random.Next(Channels.Length)];
            var contributor = ContributorTypes[PickWeighted(random, ContributorWeights)];
            var organisation = contributor is "Citizen" ? null : Organisations[random.Next(Organisations.Length)];
            var person = string.Create(CultureInfo.InvariantCulture, $"Innsender {n + 1}");
            var ministry = ministries[PickWeighted(random, ministryWeights)].Id;
            var text = string.Create(CultureInfo.InvariantCulture,
                $"{Openings[random.Next(Openings.Length)]} {Themes[random.Next(Themes.Length)]}{(random.Next(14) == 0 ? $" og {SearchWord} utforming" : "")}. {Openings[random.Next(Openings.Length)]} {Themes[random.Next(Themes.Length)]}.");
            var status = open ? (random.Next(100) < 70 ? "Received" : "BeingAssessed") : ClosedStatuses[random.Next(ClosedStatuses.Length)];
            var handled = status != "Received";
            var reference = Reference(n);
            rows.Add("Items", columns,
                id, reference, round?.Id, channel, round is not null ? "Innspillsside" : "Brev og e-post", receivedAt, contributor, organisation, null, person,
                null, ministry, text, random.Next(100) < 60, false, !open && random.Next(100) < 30, random.Next(100) < 2, null, null,
                handled ? "Generert saksbehandler" : null, status, null, null, "nb", null, null, handled ? 2L : 1L,
                SearchIndex.Of(new(reference, [organisation, text], [person])));

            foreach (var workstream in workstreams.OrderBy(_ => random.Next()).Take(PickWeighted(random, [20.0, 55.0, 20.0, 5.0])))
            {
                rows.Add("FeedbackWorkstream", ["ItemId", "WorkstreamId"], id, workstream);
            }

            foreach (var tag in Tags.OrderBy(_ => random.Next()).Take(random.Next(0, 3)))
            {
                rows.Add("FeedbackTag", ["ItemId", "Tag"], id, tag);
            }

            if ((n + 1) % Slice == 0)
            {
                await rows.WriteAsync(cancellationToken);
            }
        }

        await rows.WriteAsync(cancellationToken);
    }

    // "INN-" and eight characters of the product's alphabet (References.New), unique by construction: the item's
    // number spread over the 31^8 values by an odd multiplier (not a multiple of 31, so no two numbers collide).
    private static string Reference(int n)
    {
        var value = ((long)n * 2_654_435_761L) % 852_891_037_441L;
        Span<char> code = stackalloc char[8];
        for (var i = 7; i >= 0; i--)
        {
            code[i] = ReferenceAlphabet[(int)(value % 31)];
            value /= 31;
        }

        return "INN-" + new string(code);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    // An index drawn in proportion to its weight: the first whose running total passes a roll below the sum.
    private static int PickWeighted(Random random, double[] weights)
    {
        var roll = random.NextDouble() * weights.Sum();
        var running = 0.0;
        var index = Array.FindIndex(weights, w => (running += w) > roll);
        return index < 0 ? weights.Length - 1 : index;
    }
}
