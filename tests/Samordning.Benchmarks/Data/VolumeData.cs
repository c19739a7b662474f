using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Samordning.Shared.Search;
using Samordning.Shared.Time;

namespace Samordning.Benchmarks.Data;

// The volume issue 3 asks the workstream scenarios to run against.
internal sealed record VolumeSpec(int Ministries, int Agencies, int Workstreams, int Initiatives, int ProgressEntries)
{
    public static VolumeSpec Realistic { get; } = new(20, 300, 40, 50_000, 200_000);

    // The same registry and workstreams with another number of initiatives, each with the realistic four entries of
    // history (issue 19's growth: 5,000, 50,000 and 500,000).
    public static VolumeSpec WithInitiatives(int initiatives) => Realistic with { Initiatives = initiatives, ProgressEntries = initiatives * 4 };
}

// What the generator wrote, for the report and for the scenarios' filters.
internal sealed record VolumeSummary(
    int Ministries, int Agencies, int Workstreams, int Initiatives, int ProgressEntries, int DashboardCells, TimeSpan Elapsed,
    IReadOnlyList<(Guid Id, string Code)> MinistriesByInitiatives);

// Tops the seeded, migrated module stores up to a realistic volume in bulk (BulkRows: prepared inserts in one
// transaction per SQLite file, binary COPY on PostgreSQL; one generator of the values for both), writing the rows exactly as the product stores them, and
// the aggregates the product keeps alongside: the dashboard cells (per owning ministry x workstream x phase x
// status, plus "no workstream" and the all-workstreams totals row), today's phase snapshot and a year of daily
// history. Ends by recomputing the cells and today's snapshot from the initiatives and failing if they differ,
// so a scenario never measures a dashboard that disagrees with its data.
internal static class VolumeData
{
    private static readonly string[] Phases = ["Idea", "Planned", "InProgress", "Scaling", "Completed", "Stopped"];
    private static readonly int[] PhaseWeights = [10, 20, 40, 10, 15, 5];
    private static readonly int[] PhaseProgress = [0, 10, 40, 75, 100, 30];
    private static readonly string[] Statuses = ["Green", "Amber", "Red"];
    private static readonly int[] StatusWeights = [65, 25, 10];

    private static readonly string[] Tags =
    [
        "digitalisering", "brukerinvolvering", "kompetanse", "innovasjonsvennlig anskaffelse", "forsøk", "deling av data",
        "kunstig intelligens", "klima", "tjenestedesign", "sammenhengende tjenester", "regelverk", "gevinstrealisering",
    ];

    private static readonly string[] Subjects =
    [
        "Digital søknad om", "Sammenhengende tjeneste for", "Forsøk med", "Felles løsning for", "Brukerreise for",
        "Innovativ anskaffelse av", "Datadeling om", "Automatisert behandling av", "Kompetanseprogram for", "Pilot for",
    ];

    private static readonly string[] Objects =
    [
        "bostøtte", "barnehageplass", "byggesak", "foreldrepenger", "helsetjenester i hjemmet", "tolltjenester", "skolefritidsordning",
        "arbeidsinnvandring", "kulturtilskudd", "fiskerikvoter", "energimerking", "kollektivtransport", "jordbruksavtalen", "beredskap",
    ];

    private static readonly (string Code, string NameNb, string NameEn)[] ExtraMinistries =
    [
        ("DFD", "Digitaliserings- og forvaltningsdepartementet", "Ministry of Digitalisation and Public Governance"),
        ("KDD", "Kommunal- og distriktsdepartementet", "Ministry of Local Government and Regional Development"),
        ("ED", "Energidepartementet", "Ministry of Energy"),
        ("SMK", "Statsministerens kontor", "Office of the Prime Minister"),
        ("KUL", "Kultur- og likestillingsdepartementet", "Ministry of Culture and Equality"),
        ("HAV", "Fiskeri- og havdepartementet", "Ministry of Fisheries and Ocean Policy"),
    ];

    private const string Registry = "ministries";
    private const string Store = "workstreams";
    private static readonly Guid AllWorkstreams = Guid.Parse(SqliteValues.AllWorkstreams);

    public static async Task<VolumeSummary> GenerateAsync(IConfiguration configuration, VolumeSpec spec, IClock clock, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var db = new BenchDatabase(configuration);
        var random = new Random(20_261_123);
        var now = clock.UtcNow;

        var (ministries, agencies) = await TopUpRegistryAsync(db, spec, cancellationToken);

        await using var connection = await db.OpenAsync(Store, cancellationToken);
        var workstreams = await TopUpWorkstreamsAsync(db, connection, spec, cancellationToken);
        var written = await WriteInitiativesAsync(db, connection, spec, ministries, agencies, workstreams, random, now, cancellationToken);
        await WriteSnapshotsAsync(db, connection, now, cancellationToken);
        await VerifyAggregatesAsync(db, connection, now, cancellationToken);
        if (db.OnPostgres)
        {
            // What autovacuum does to a table some minutes after a bulk load, done before the scenarios rather than
            // during one: fresh planner statistics, and the GIN indexes' pending lists (every row COPY wrote, which
            // each search would otherwise read through) merged into the indexes.
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM (ANALYZE)";
            vacuum.CommandTimeout = 600;
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }

        var counts = await CountAsync(db, connection, cancellationToken);
        return new VolumeSummary(
            ministries.Count, agencies.Count, workstreams.Count, counts.Initiatives, counts.ProgressEntries, counts.Cells,
            Stopwatch.GetElapsedTime(started), written);
    }

    private sealed record MinistryRef(Guid Id, string Code);

    private sealed record AgencyRef(Guid Id, Guid MinistryId, string Name);

    // Ministries and agencies in the registry's own store, as the Ministries module writes them.
    private static async Task<(List<MinistryRef> Ministries, List<AgencyRef> Agencies)> TopUpRegistryAsync(
        BenchDatabase db, VolumeSpec spec, CancellationToken cancellationToken)
    {
        List<MinistryRef> ministries;
        List<AgencyRef> agencies;
        await using (var connection = await db.OpenAsync(Registry, cancellationToken))
        {
            ministries = await db.ListAsync(connection, $"""SELECT "Id", "Code" FROM {db.Table(Registry, "Ministries")} ORDER BY "Code" """, r => new MinistryRef(r.GetGuid(0), r.GetString(1)), cancellationToken);
            agencies = await db.ListAsync(connection, $"""SELECT "Id", "MinistryId", "NameNb" FROM {db.Table(Registry, "Agencies")} """, r => new AgencyRef(r.GetGuid(0), r.GetGuid(1), r.GetString(2)), cancellationToken);
        }

        var rows = new BulkRows(db, Registry);
        foreach (var (code, nameNb, nameEn) in ExtraMinistries.Where(e => ministries.All(m => m.Code != e.Code)).Take(Math.Max(0, spec.Ministries - ministries.Count)))
        {
            var id = Guid.CreateVersion7();
            rows.Add("Ministries", ["Id", "Code", "NameNb", "NameEn", "Active", "Version", "SearchText", "SearchIndex"],
                id, code, nameNb, nameEn, true, 1L, $"{code} {nameNb} {nameEn}".ToLowerInvariant(), SearchIndex.Of(new(nameNb, [nameEn, code])));
            ministries.Add(new MinistryRef(id, code));
        }

        for (var n = 1; agencies.Count < spec.Agencies; n++)
        {
            var ministry = ministries[n % ministries.Count];
            var id = Guid.CreateVersion7();
            var name = string.Create(CultureInfo.InvariantCulture, $"{ministry.Code}-etat {n:000}");
            rows.Add("Agencies", ["Id", "MinistryId", "NameNb", "NameEn", "OrganisationNumber", "Active", "Version", "SearchText", "SearchIndex"],
                id, ministry.Id, name, null, null, true, 1L, $"{name}  ".ToLowerInvariant(), SearchIndex.Of(new(name, [])));
            agencies.Add(new AgencyRef(id, ministry.Id, name));
        }

        await rows.WriteAsync(cancellationToken);
        return (ministries, agencies);
    }

    private static async Task<List<Guid>> TopUpWorkstreamsAsync(BenchDatabase db, DbConnection connection, VolumeSpec spec, CancellationToken cancellationToken)
    {
        var workstreams = await db.ListAsync(connection, $"""SELECT "Id" FROM {db.Table(Store, "Workstreams")} """, r => r.GetGuid(0), cancellationToken);
        var rows = new BulkRows(db, Store);
        for (var n = 1; workstreams.Count < spec.Workstreams; n++)
        {
            var id = Guid.CreateVersion7();
            var titleNb = string.Create(CultureInfo.InvariantCulture, $"Arbeidsstrøm {n:00}: {Objects[n % Objects.Length]}");
            var titleEn = string.Create(CultureInfo.InvariantCulture, $"Workstream {n:00}");
            rows.Add("Workstreams", ["Id", "Chapter", "TitleNb", "TitleEn", "Description", "OwnerPersonId", "OwnerName", "Status", "TargetDate", "Version", "SearchIndex"],
                id, null, titleNb, titleEn, null, null, null, "Active", null, 1L, SearchIndex.Of(new(titleNb, [titleEn])));
            workstreams.Add(id);
        }

        await rows.WriteAsync(cancellationToken);
        return workstreams;
    }

    private readonly record struct CellKey(Guid MinistryId, string MinistryCode, Guid WorkstreamId, string Phase, string Status);

    // Initiatives with their workstreams, collaborators, agencies, tags, progress history and round confirmations,
    // and the dashboard cells they move. Returns the ministries by how many initiatives they own, largest first.
    private static async Task<IReadOnlyList<(Guid Id, string Code)>> WriteInitiativesAsync(
        BenchDatabase db, DbConnection connection, VolumeSpec spec, List<MinistryRef> ministries, List<AgencyRef> agencies, List<Guid> workstreams,
        Random random, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.CountAsync(connection, $"""SELECT COUNT(*) FROM {db.Table(Store, "Initiatives")} """, cancellationToken);
        var existingEntries = await db.CountAsync(connection, $"""SELECT COUNT(*) FROM {db.Table(Store, "ProgressEntries")} """, cancellationToken);
        var toWrite = spec.Initiatives - existing;
        var entriesToWrite = spec.ProgressEntries - existingEntries;

        // Every initiative has at least its creation entry; the rest spread evenly.
        var entriesEach = toWrite > 0 ? Math.Max(1, entriesToWrite / toWrite) : 0;
        var entriesLeftOver = toWrite > 0 && entriesToWrite > toWrite ? entriesToWrite % toWrite : 0;
        var openRound = await db.ListAsync(connection, $"""SELECT "Id" FROM {db.Table(Store, "ReportingRounds")} WHERE "ClosedAt" IS NULL""", r => r.GetGuid(0), cancellationToken);

        // A few large ministries own most initiatives, as in practice.
        var ministryWeights = ministries.Select((_, i) => 1.0 / (i + 1.5)).ToArray();
        var agenciesOf = agencies.GroupBy(a => a.MinistryId).ToDictionary(g => g.Key, g => g.ToList());
        var cells = new Dictionary<CellKey, int>();
        var owned = new Dictionary<MinistryRef, int>();
        var rows = new BulkRows(db, Store);
        string[] initiativeColumns =
        [
            "Id", "Title", "Summary", "OwningMinistryId", "OwningMinistryCode", "Phase", "Progress", "Status", "StatusReason",
            "StartDate", "EndDate", "ContactPersonId", "ContactPersonName", "ExpectedResults", "AchievedResults", "UpdatedAt", "StatusConfirmedAt", "Version", "SearchText", "SearchIndex",
        ];
        string[] entryColumns = ["Id", "InitiativeId", "At", "PersonId", "PersonName", "MinistryId", "Phase", "Progress", "Status", "StatusReason", "Note"];

        for (var n = 0; n < toWrite; n++)
        {
            var id = Guid.CreateVersion7();
            var owner = ministries[PickWeighted(random, ministryWeights)];
            owned[owner] = owned.GetValueOrDefault(owner) + 1;
            var phaseIndex = Pick(random, PhaseWeights);
            var phase = Phases[phaseIndex];
            var status = Statuses[Pick(random, StatusWeights)];
            var progress = Math.Clamp(PhaseProgress[phaseIndex] + random.Next(-10, 11), 0, 100);
            var updatedAt = now.AddMinutes(-random.Next(0, 365 * 24 * 60));
            var title = string.Create(CultureInfo.InvariantCulture, $"{Subjects[random.Next(Subjects.Length)]} {Objects[random.Next(Objects.Length)]} ({owner.Code} {n + 1})");
            var tags = Tags.OrderBy(_ => random.Next()).Take(Pick(random, [25, 40, 25, 10])).ToList();
            var reason = status == "Green" ? null : "Avhenger av avklaringer med samarbeidende etater";
            var searchText = string.Join(' ', [title, null, null, null, owner.Code, .. tags]).ToLowerInvariant();
            var startDate = DateOnly.FromDateTime(updatedAt.UtcDateTime).AddDays(-random.Next(30, 400));
            var versions = entriesEach + (n < entriesLeftOver ? 1 : 0);
            rows.Add("Initiatives", initiativeColumns,
                id, title, null, owner.Id, owner.Code, phase, progress, status, reason, startDate, null, null, null, null, null,
                updatedAt, updatedAt, (long)Math.Max(versions, 1), searchText, SearchIndex.Of(new(title, [null, null, null, owner.Code, null])));

            var chosen = workstreams.OrderBy(_ => random.Next()).Take(Pick(random, [10, 50, 30, 10])).ToList();
            foreach (var workstream in chosen)
            {
                rows.Add("InitiativeWorkstream", ["InitiativeId", "WorkstreamId"], id, workstream);
            }

            // The initiative counts once in the totals, and once under each workstream (or under none).
            Count(cells, new CellKey(owner.Id, owner.Code, AllWorkstreams, phase, status));
            foreach (var workstream in chosen.DefaultIfEmpty(Guid.Empty))
            {
                Count(cells, new CellKey(owner.Id, owner.Code, workstream, phase, status));
            }

            var collaborators = random.Next(100) < 30
                ? ministries.Where(m => m != owner).OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList()
                : [];
            foreach (var collaborator in collaborators)
            {
                rows.Add("InitiativeMinistry", ["InitiativeId", "MinistryId", "MinistryCode"], id, collaborator.Id, collaborator.Code);
            }

            // Its listings, as the module's saves keep them (MinistryInitiative): the owner's and each collaborator's.
            foreach (var listing in collaborators.Prepend(owner))
            {
                rows.Add("MinistryInitiatives", ["MinistryId", "InitiativeId", "Phase", "UpdatedAt"], listing.Id, id, phase, updatedAt);
            }

            foreach (var agency in agenciesOf.GetValueOrDefault(owner.Id, []).OrderBy(_ => random.Next()).Take(random.Next(0, 3)))
            {
                rows.Add("InitiativeAgency", ["InitiativeId", "AgencyId", "Name"], id, agency.Id, agency.Name);
            }

            foreach (var tag in tags)
            {
                rows.Add("InitiativeTag", ["InitiativeId", "Tag"], id, tag);
            }

            // The history: earlier updates a month or so apart, the last one the initiative's current state.
            for (var v = 1; v <= versions; v++)
            {
                var last = v == versions;
                var at = updatedAt.AddDays(-30 * (versions - v));
                rows.Add("ProgressEntries", entryColumns,
                    Guid.CreateVersion7(), id, at, null, "Generert kontaktperson", owner.Id,
                    last ? phase : Phases[Math.Max(0, Math.Min(phaseIndex, v - 1))], last ? progress : progress * v / versions,
                    last ? status : "Green", last ? reason : null, null);
            }

            if (openRound.Count > 0 && phase is not ("Completed" or "Stopped") && random.Next(100) < 35)
            {
                // Confirmed by its owner while running: it counts among the running (RoundConfirmation.CountsAsRunning).
                rows.Add("RoundConfirmations", ["RoundId", "InitiativeId", "MinistryId", "ConfirmedAt", "PersonId", "PersonName", "CountsAsRunning"],
                    openRound[0], id, owner.Id, now.AddHours(-random.Next(1, 300)), null, "Generert kontaktperson", true);
            }

            // Written in slices, so 500,000 initiatives (some five million rows) are not all held in memory at once.
            if ((n + 1) % 50_000 == 0)
            {
                await rows.WriteAsync(cancellationToken);
            }
        }

        await rows.WriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await BumpDashboardVersionAsync(db, connection, transaction, cancellationToken);
        await WriteCellsAsync(db, connection, transaction, cells, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [.. owned.OrderByDescending(o => o.Value).Select(o => (o.Key.Id, o.Key.Code))];
    }

    // Adds to the cells the seed already moved, exactly as DashboardAggregates does: increment, or insert, stamped with
    // the counts' number this transaction moved (BumpDashboardVersionAsync, first), so a node keeping the counts reads them.
    private static async Task WriteCellsAsync(BenchDatabase db, DbConnection connection, DbTransaction transaction, Dictionary<CellKey, int> cells, CancellationToken cancellationToken)
    {
        var table = db.Table(Store, "DashboardCells");
        var stamp = CountsVersionOf(db);
        await using var update = await PrepareAsync(db, connection, transaction, $"""
            UPDATE {table} SET "Count" = "Count" + @p0, "CountsVersion" = {stamp} WHERE "MinistryId" = @p1 AND "WorkstreamId" = @p2 AND "Phase" = @p3 AND "Status" = @p4
            """, 5, cancellationToken);
        await using var insert = await PrepareAsync(db, connection, transaction, $"""
            INSERT INTO {table} ("MinistryId", "MinistryCode", "WorkstreamId", "Phase", "Status", "Count", "CountsVersion") VALUES (@p0, @p1, @p2, @p3, @p4, @p5, {stamp})
            """, 6, cancellationToken);
        foreach (var (cell, count) in cells)
        {
            if (await RunAsync(db, update, cancellationToken, count, cell.MinistryId, cell.WorkstreamId, cell.Phase, cell.Status) == 0)
            {
                await RunAsync(db, insert, cancellationToken, cell.MinistryId, cell.MinistryCode, cell.WorkstreamId, cell.Phase, cell.Status, count);
            }
        }
    }

    // Today's row per phase holds the current totals (as the product's snapshot does on every phase change);
    // the year before gets a steady climb towards them, as a year of use would have left.
    private static async Task WriteSnapshotsAsync(BenchDatabase db, DbConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(Oslo.ToOslo(now).DateTime);
        var totals = await db.ListAsync(connection, $"""SELECT "Phase", COUNT(*) FROM {db.Table(Store, "Initiatives")} GROUP BY "Phase" """,
            r => (Phase: r.GetString(0), Count: Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture)), cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await BumpDashboardVersionAsync(db, connection, transaction, cancellationToken);
        var stamp = CountsVersionOf(db);
        await using var upsert = await PrepareAsync(db, connection, transaction, $"""
            INSERT INTO {db.Table(Store, "PhaseSnapshots")} ("Day", "Phase", "Count", "CountsVersion") VALUES (@p0, @p1, @p2, {stamp})
            ON CONFLICT ("Day", "Phase") DO UPDATE SET "Count" = excluded."Count", "CountsVersion" = excluded."CountsVersion"
            """, 3, cancellationToken);
        for (var daysAgo = 364; daysAgo >= 0; daysAgo--)
        {
            foreach (var phase in Phases)
            {
                var total = totals.FirstOrDefault(t => t.Phase == phase).Count;
                await RunAsync(db, upsert, cancellationToken, today.AddDays(-daysAgo), phase, total * (365 - daysAgo) / 365);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    // The counts' number as this transaction moved it (its row is the transaction's until it commits).
    private static string CountsVersionOf(BenchDatabase db) =>
        $"""(SELECT "Version" FROM {db.Table(Store, "DashboardVersions")} WHERE "Id" = 2)""";

    // As every change to the counts in the product does, in the same transaction: a node's kept dashboard and its
    // kept counts are out of date (the module's row 1 and the counts' row 2, DashboardVersion).
    private static async Task BumpDashboardVersionAsync(BenchDatabase db, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var bump = await db.CommandAsync(connection, $"""UPDATE {db.Table(Store, "DashboardVersions")} SET "Version" = "Version" + 1 WHERE "Id" IN (1, 2)""", cancellationToken, transaction);
        if (await bump.ExecuteNonQueryAsync(cancellationToken) != 2)
        {
            throw new InvalidOperationException("The workstreams store has not both dashboard version rows; is it migrated?");
        }
    }

    // Recomputes the dashboard cells and today's snapshot from the initiatives themselves.
    private static async Task VerifyAggregatesAsync(BenchDatabase db, DbConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var initiatives = db.Table(Store, "Initiatives");
        var links = db.Table(Store, "InitiativeWorkstream");
        var recomputed = $"""
            SELECT "MinistryId", "WorkstreamId", "Phase", "Status", COUNT(*) FROM (
                SELECT i."OwningMinistryId" AS "MinistryId", w."WorkstreamId", i."Phase", i."Status"
                FROM {initiatives} AS i JOIN {links} AS w ON w."InitiativeId" = i."Id"
                UNION ALL
                SELECT i."OwningMinistryId", @p0, i."Phase", i."Status" FROM {initiatives} AS i
                WHERE NOT EXISTS (SELECT 1 FROM {links} AS w WHERE w."InitiativeId" = i."Id")
                UNION ALL
                SELECT i."OwningMinistryId", @p1, i."Phase", i."Status" FROM {initiatives} AS i) AS cells
            GROUP BY "MinistryId", "WorkstreamId", "Phase", "Status"
            """;
        // Ids compare as text in one case (SQLite keeps them upper-case, Npgsql writes them lower-case).
        static string Key(DbDataReader r) =>
            string.Create(CultureInfo.InvariantCulture, $"{r.GetValue(0)}|{r.GetValue(1)}|{r.GetString(2)}|{r.GetString(3)}={Convert.ToInt32(r.GetValue(4), CultureInfo.InvariantCulture)}").ToUpperInvariant();
        var expected = await db.ListAsync(connection, recomputed, Key, cancellationToken, Guid.Empty, AllWorkstreams);
        var kept = await db.ListAsync(connection, $"""SELECT "MinistryId", "WorkstreamId", "Phase", "Status", "Count" FROM {db.Table(Store, "DashboardCells")} WHERE "Count" <> 0""", Key, cancellationToken);
        var missing = expected.Except(kept).ToList();
        var extra = kept.Except(expected).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            throw new InvalidOperationException(
                $"The generated dashboard cells differ from a recomputation ({missing.Count} missing or wrong, {extra.Count} extra; for example {missing.Concat(extra).First()}).");
        }

        var snapshotDifferences = await db.CountAsync(connection, $"""
            SELECT COUNT(*) FROM {db.Table(Store, "PhaseSnapshots")} AS s
            WHERE s."Day" = @p0 AND s."Count" <> (SELECT COUNT(*) FROM {initiatives} AS i WHERE i."Phase" = s."Phase")
            """, cancellationToken, DateOnly.FromDateTime(Oslo.ToOslo(now).DateTime));
        if (snapshotDifferences > 0)
        {
            throw new InvalidOperationException($"Today's phase snapshot differs from the initiatives in {snapshotDifferences} phases.");
        }
    }

    private static async Task<(int Initiatives, int ProgressEntries, int Cells)> CountAsync(BenchDatabase db, DbConnection connection, CancellationToken cancellationToken) => (
        await db.CountAsync(connection, $"""SELECT COUNT(*) FROM {db.Table(Store, "Initiatives")} """, cancellationToken),
        await db.CountAsync(connection, $"""SELECT COUNT(*) FROM {db.Table(Store, "ProgressEntries")} """, cancellationToken),
        await db.CountAsync(connection, $"""SELECT COUNT(*) FROM {db.Table(Store, "DashboardCells")} WHERE "Count" <> 0""", cancellationToken));

    private static void Count(Dictionary<CellKey, int> cells, CellKey key) => cells[key] = cells.GetValueOrDefault(key) + 1;

    private static int Pick(Random random, IReadOnlyList<int> weights) => PickWeighted(random, [.. weights.Select(w => (double)w)]);

    private static int PickWeighted(Random random, double[] weights)
    {
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static Task<DbCommand> PrepareAsync(BenchDatabase db, DbConnection connection, DbTransaction transaction, string sql, int parameters, CancellationToken cancellationToken) =>
        db.CommandAsync(connection, sql, cancellationToken, transaction, [.. Enumerable.Range(0, parameters).Select(i => ($"@p{i}", (object?)null))]);

    private static Task<int> RunAsync(BenchDatabase db, DbCommand command, CancellationToken cancellationToken, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = db.Value(values[i]) ?? DBNull.Value;
        }

        return command.ExecuteNonQueryAsync(cancellationToken);
    }
}
