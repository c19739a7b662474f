using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Samordning.Shared.Persistence;
using Samordning.Shared.Time;

namespace Samordning.Benchmarks.Data;

// The volume issue 3 asks the workstream scenarios to run against.
internal sealed record VolumeSpec(int Ministries, int Agencies, int Workstreams, int Initiatives, int ProgressEntries)
{
    public static VolumeSpec Realistic { get; } = new(20, 300, 40, 50_000, 200_000);
}

// What the generator wrote, for the report and for the scenarios' filters.
internal sealed record VolumeSummary(
    int Ministries, int Agencies, int Workstreams, int Initiatives, int ProgressEntries, int DashboardCells, TimeSpan Elapsed,
    IReadOnlyList<(Guid Id, string Code)> MinistriesByInitiatives);

// Tops the seeded, migrated module files up to a realistic volume with bulk inserts (prepared commands in one
// transaction per file, bare Microsoft.Data.Sqlite), writing the rows exactly as the product stores them, and
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

    public static async Task<VolumeSummary> GenerateAsync(IConfiguration configuration, VolumeSpec spec, IClock clock, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var settings = DatabaseSettings.From(configuration);
        var random = new Random(20_261_123);
        var now = clock.UtcNow;

        var (ministries, agencies) = await TopUpRegistryAsync(settings.SqliteConnectionString("ministries"), spec, cancellationToken);

        await using var connection = new SqliteConnection(settings.SqliteConnectionString("workstreams"));
        await connection.OpenAsync(cancellationToken);
        var workstreams = await TopUpWorkstreamsAsync(connection, spec, cancellationToken);
        var written = await WriteInitiativesAsync(connection, spec, ministries, agencies, workstreams, random, now, cancellationToken);
        await WriteSnapshotsAsync(connection, now, cancellationToken);
        await VerifyAggregatesAsync(connection, now, cancellationToken);

        var counts = await CountAsync(connection, cancellationToken);
        return new VolumeSummary(
            ministries.Count, agencies.Count, workstreams.Count, counts.Initiatives, counts.ProgressEntries, counts.Cells,
            Stopwatch.GetElapsedTime(started), written);
    }

    private sealed record MinistryRef(Guid Id, string Code);

    private sealed record AgencyRef(Guid Id, Guid MinistryId, string Name);

    // Ministries and agencies in the registry's own file, as the Ministries module writes them.
    private static async Task<(List<MinistryRef> Ministries, List<AgencyRef> Agencies)> TopUpRegistryAsync(
        string connectionString, VolumeSpec spec, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var ministries = await Sql.ListAsync(connection, """SELECT "Id", "Code" FROM "Ministries" ORDER BY "Code" """, [], r => new MinistryRef(r.GetGuid(0), r.GetString(1)), cancellationToken);
        var agencies = await Sql.ListAsync(connection, """SELECT "Id", "MinistryId", "NameNb" FROM "Agencies" """, [], r => new AgencyRef(r.GetGuid(0), r.GetGuid(1), r.GetString(2)), cancellationToken);

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var insertMinistry = Prepare(connection, transaction,
            """INSERT INTO "Ministries" ("Id", "Code", "NameNb", "NameEn", "Active", "Version", "SearchText") VALUES ($p0, $p1, $p2, $p3, 1, 1, $p4)""", 5);
        foreach (var (code, nameNb, nameEn) in ExtraMinistries.Where(e => ministries.All(m => m.Code != e.Code)).Take(Math.Max(0, spec.Ministries - ministries.Count)))
        {
            var id = Guid.CreateVersion7();
            await RunAsync(insertMinistry, cancellationToken, SqliteValues.Text(id), code, nameNb, nameEn, $"{code} {nameNb} {nameEn}".ToLowerInvariant());
            ministries.Add(new MinistryRef(id, code));
        }

        var insertAgency = Prepare(connection, transaction,
            """INSERT INTO "Agencies" ("Id", "MinistryId", "NameNb", "NameEn", "OrganisationNumber", "Active", "Version", "SearchText") VALUES ($p0, $p1, $p2, NULL, NULL, 1, 1, $p3)""", 4);
        for (var n = 1; agencies.Count < spec.Agencies; n++)
        {
            var ministry = ministries[n % ministries.Count];
            var id = Guid.CreateVersion7();
            var name = string.Create(CultureInfo.InvariantCulture, $"{ministry.Code}-etat {n:000}");
            await RunAsync(insertAgency, cancellationToken, SqliteValues.Text(id), SqliteValues.Text(ministry.Id), name, $"{name}  ".ToLowerInvariant());
            agencies.Add(new AgencyRef(id, ministry.Id, name));
        }

        await transaction.CommitAsync(cancellationToken);
        return (ministries, agencies);
    }

    private static async Task<List<Guid>> TopUpWorkstreamsAsync(SqliteConnection connection, VolumeSpec spec, CancellationToken cancellationToken)
    {
        var workstreams = await Sql.ListAsync(connection, """SELECT "Id" FROM "Workstreams" """, [], r => r.GetGuid(0), cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var insert = Prepare(connection, transaction,
            """INSERT INTO "Workstreams" ("Id", "Chapter", "TitleNb", "TitleEn", "Description", "OwnerPersonId", "OwnerName", "Status", "TargetDate", "Version") VALUES ($p0, NULL, $p1, $p2, NULL, NULL, NULL, 'Active', NULL, 1)""", 3);
        for (var n = 1; workstreams.Count < spec.Workstreams; n++)
        {
            var id = Guid.CreateVersion7();
            await RunAsync(insert, cancellationToken, SqliteValues.Text(id),
                string.Create(CultureInfo.InvariantCulture, $"Arbeidsstrøm {n:00}: {Objects[n % Objects.Length]}"),
                string.Create(CultureInfo.InvariantCulture, $"Workstream {n:00}"));
            workstreams.Add(id);
        }

        await transaction.CommitAsync(cancellationToken);
        return workstreams;
    }

    private readonly record struct CellKey(Guid MinistryId, string MinistryCode, string WorkstreamId, string Phase, string Status);

    // Initiatives with their workstreams, collaborators, agencies, tags, progress history and round confirmations,
    // and the dashboard cells they move. Returns the ministries by how many initiatives they own, largest first.
    private static async Task<IReadOnlyList<(Guid Id, string Code)>> WriteInitiativesAsync(
        SqliteConnection connection, VolumeSpec spec, List<MinistryRef> ministries, List<AgencyRef> agencies, List<Guid> workstreams,
        Random random, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await Sql.CountAsync(connection, """SELECT COUNT(*) FROM "Initiatives" """, cancellationToken);
        var existingEntries = await Sql.CountAsync(connection, """SELECT COUNT(*) FROM "ProgressEntries" """, cancellationToken);
        var toWrite = spec.Initiatives - existing;
        var entriesToWrite = spec.ProgressEntries - existingEntries;

        // Every initiative has at least its creation entry; the rest spread evenly.
        var entriesEach = toWrite > 0 ? Math.Max(1, entriesToWrite / toWrite) : 0;
        var entriesLeftOver = toWrite > 0 && entriesToWrite > toWrite ? entriesToWrite % toWrite : 0;
        var openRound = await Sql.ListAsync(connection, """SELECT "Id" FROM "ReportingRounds" WHERE "ClosedAt" IS NULL""", [], r => r.GetGuid(0), cancellationToken);

        // A few large ministries own most initiatives, as in practice.
        var ministryWeights = ministries.Select((_, i) => 1.0 / (i + 1.5)).ToArray();
        var agenciesOf = agencies.GroupBy(a => a.MinistryId).ToDictionary(g => g.Key, g => g.ToList());
        var cells = new Dictionary<CellKey, int>();
        var owned = new Dictionary<MinistryRef, int>();

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var insertInitiative = Prepare(connection, transaction, """
            INSERT INTO "Initiatives" ("Id", "Title", "Summary", "OwningMinistryId", "OwningMinistryCode", "Phase", "Progress", "Status", "StatusReason",
                "StartDate", "EndDate", "ContactPersonId", "ContactPersonName", "ExpectedResults", "AchievedResults", "UpdatedAt", "Version", "SearchText")
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, NULL, NULL, NULL, NULL, NULL, $p10, $p11, $p12)
            """, 13);
        var insertWorkstream = Prepare(connection, transaction, """INSERT INTO "InitiativeWorkstream" ("InitiativeId", "WorkstreamId") VALUES ($p0, $p1)""", 2);
        var insertMinistry = Prepare(connection, transaction, """INSERT INTO "InitiativeMinistry" ("InitiativeId", "MinistryId", "MinistryCode") VALUES ($p0, $p1, $p2)""", 3);
        var insertAgency = Prepare(connection, transaction, """INSERT INTO "InitiativeAgency" ("InitiativeId", "AgencyId", "Name") VALUES ($p0, $p1, $p2)""", 3);
        var insertTag = Prepare(connection, transaction, """INSERT INTO "InitiativeTag" ("InitiativeId", "Tag") VALUES ($p0, $p1)""", 2);
        var insertEntry = Prepare(connection, transaction, """
            INSERT INTO "ProgressEntries" ("Id", "InitiativeId", "At", "PersonId", "PersonName", "MinistryId", "Phase", "Progress", "Status", "StatusReason", "Note")
            VALUES ($p0, $p1, $p2, NULL, $p3, $p4, $p5, $p6, $p7, $p8, NULL)
            """, 9);
        var insertConfirmation = Prepare(connection, transaction, """
            INSERT INTO "RoundConfirmations" ("RoundId", "InitiativeId", "MinistryId", "ConfirmedAt", "PersonId", "PersonName") VALUES ($p0, $p1, $p2, $p3, NULL, 'Generert kontaktperson')
            """, 4);

        for (var n = 0; n < toWrite; n++)
        {
            var id = Guid.CreateVersion7();
            var idText = SqliteValues.Text(id);
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
            var startDate = SqliteValues.Day(DateOnly.FromDateTime(updatedAt.UtcDateTime).AddDays(-random.Next(30, 400)));
            var versions = entriesEach + (n < entriesLeftOver ? 1 : 0);
            await RunAsync(insertInitiative, cancellationToken,
                idText, title, null, SqliteValues.Text(owner.Id), owner.Code, phase, progress, status, reason, startDate,
                SqliteValues.Instant(updatedAt), Math.Max(versions, 1), searchText);

            var chosen = workstreams.OrderBy(_ => random.Next()).Take(Pick(random, [10, 50, 30, 10])).ToList();
            foreach (var workstream in chosen)
            {
                await RunAsync(insertWorkstream, cancellationToken, idText, SqliteValues.Text(workstream));
            }

            // The initiative counts once in the totals, and once under each workstream (or under none).
            Count(cells, new CellKey(owner.Id, owner.Code, SqliteValues.AllWorkstreams, phase, status));
            foreach (var workstream in chosen.DefaultIfEmpty(Guid.Empty))
            {
                Count(cells, new CellKey(owner.Id, owner.Code, SqliteValues.Text(workstream), phase, status));
            }

            var collaborators = random.Next(100) < 30
                ? ministries.Where(m => m != owner).OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList()
                : [];
            foreach (var collaborator in collaborators)
            {
                await RunAsync(insertMinistry, cancellationToken, idText, SqliteValues.Text(collaborator.Id), collaborator.Code);
            }

            foreach (var agency in agenciesOf.GetValueOrDefault(owner.Id, []).OrderBy(_ => random.Next()).Take(random.Next(0, 3)))
            {
                await RunAsync(insertAgency, cancellationToken, idText, SqliteValues.Text(agency.Id), agency.Name);
            }

            foreach (var tag in tags)
            {
                await RunAsync(insertTag, cancellationToken, idText, tag);
            }

            // The history: earlier updates a month or so apart, the last one the initiative's current state.
            for (var v = 1; v <= versions; v++)
            {
                var last = v == versions;
                var at = updatedAt.AddDays(-30 * (versions - v));
                await RunAsync(insertEntry, cancellationToken,
                    SqliteValues.Text(Guid.CreateVersion7()), idText, SqliteValues.Instant(at), "Generert kontaktperson", SqliteValues.Text(owner.Id),
                    last ? phase : Phases[Math.Max(0, Math.Min(phaseIndex, v - 1))], last ? progress : progress * v / versions,
                    last ? status : "Green", last ? reason : null);
            }

            if (openRound.Count > 0 && phase is not ("Completed" or "Stopped") && random.Next(100) < 35)
            {
                await RunAsync(insertConfirmation, cancellationToken, SqliteValues.Text(openRound[0]), idText, SqliteValues.Text(owner.Id), SqliteValues.Instant(now.AddHours(-random.Next(1, 300))));
            }
        }

        await WriteCellsAsync(connection, transaction, cells, cancellationToken);
        await BumpDashboardVersionAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [.. owned.OrderByDescending(o => o.Value).Select(o => (o.Key.Id, o.Key.Code))];
    }

    // Adds to the cells the seed already moved, exactly as DashboardAggregates does: increment, or insert.
    private static async Task WriteCellsAsync(SqliteConnection connection, SqliteTransaction transaction, Dictionary<CellKey, int> cells, CancellationToken cancellationToken)
    {
        var update = Prepare(connection, transaction, """
            UPDATE "DashboardCells" SET "Count" = "Count" + $p0 WHERE "MinistryId" = $p1 AND "WorkstreamId" = $p2 AND "Phase" = $p3 AND "Status" = $p4
            """, 5);
        var insert = Prepare(connection, transaction, """
            INSERT INTO "DashboardCells" ("MinistryId", "MinistryCode", "WorkstreamId", "Phase", "Status", "Count") VALUES ($p0, $p1, $p2, $p3, $p4, $p5)
            """, 6);
        foreach (var (cell, count) in cells)
        {
            if (await RunAsync(update, cancellationToken, count, SqliteValues.Text(cell.MinistryId), cell.WorkstreamId, cell.Phase, cell.Status) == 0)
            {
                await RunAsync(insert, cancellationToken, SqliteValues.Text(cell.MinistryId), cell.MinistryCode, cell.WorkstreamId, cell.Phase, cell.Status, count);
            }
        }
    }

    // Today's row per phase holds the current totals (as the product's snapshot does on every phase change);
    // the year before gets a steady climb towards them, as a year of use would have left.
    private static async Task WriteSnapshotsAsync(SqliteConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(Oslo.ToOslo(now).DateTime);
        var totals = await Sql.ListAsync(connection, """SELECT "Phase", COUNT(*) FROM "Initiatives" GROUP BY "Phase" """, [], r => (Phase: r.GetString(0), Count: r.GetInt32(1)), cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var upsert = Prepare(connection, transaction, """
            INSERT INTO "PhaseSnapshots" ("Day", "Phase", "Count") VALUES ($p0, $p1, $p2) ON CONFLICT ("Day", "Phase") DO UPDATE SET "Count" = excluded."Count"
            """, 3);
        for (var daysAgo = 364; daysAgo >= 0; daysAgo--)
        {
            foreach (var phase in Phases)
            {
                var total = totals.FirstOrDefault(t => t.Phase == phase).Count;
                await RunAsync(upsert, cancellationToken, SqliteValues.Day(today.AddDays(-daysAgo)), phase, total * (365 - daysAgo) / 365);
            }
        }

        await BumpDashboardVersionAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    // As every change in the product does, in the same transaction: a node's kept dashboard is out of date.
    private static async Task BumpDashboardVersionAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var bump = connection.CreateCommand();
        bump.Transaction = transaction;
        bump.CommandText = """UPDATE "DashboardVersions" SET "Version" = "Version" + 1 WHERE "Id" = 1""";
        if (await bump.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new InvalidOperationException("The workstreams store has no dashboard version row; is it migrated?");
        }
    }

    // Recomputes the dashboard cells and today's snapshot from the initiatives themselves.
    private static async Task VerifyAggregatesAsync(SqliteConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string Recomputed = $"""
            SELECT "MinistryId", "WorkstreamId", "Phase", "Status", COUNT(*) FROM (
                SELECT i."OwningMinistryId" AS "MinistryId", w."WorkstreamId", i."Phase", i."Status"
                FROM "Initiatives" AS i JOIN "InitiativeWorkstream" AS w ON w."InitiativeId" = i."Id"
                UNION ALL
                SELECT i."OwningMinistryId", '{SqliteValues.NoWorkstream}', i."Phase", i."Status" FROM "Initiatives" AS i
                WHERE NOT EXISTS (SELECT 1 FROM "InitiativeWorkstream" AS w WHERE w."InitiativeId" = i."Id")
                UNION ALL
                SELECT i."OwningMinistryId", '{SqliteValues.AllWorkstreams}', i."Phase", i."Status" FROM "Initiatives" AS i)
            GROUP BY "MinistryId", "WorkstreamId", "Phase", "Status"
            """;
        static string Key(SqliteDataReader r) => $"{r.GetString(0)}|{r.GetString(1)}|{r.GetString(2)}|{r.GetString(3)}={r.GetInt32(4)}";
        var expected = await Sql.ListAsync(connection, Recomputed, [], Key, cancellationToken);
        var kept = await Sql.ListAsync(connection, """SELECT "MinistryId", "WorkstreamId", "Phase", "Status", "Count" FROM "DashboardCells" WHERE "Count" <> 0""", [], Key, cancellationToken);
        var missing = expected.Except(kept).ToList();
        var extra = kept.Except(expected).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            throw new InvalidOperationException(
                $"The generated dashboard cells differ from a recomputation ({missing.Count} missing or wrong, {extra.Count} extra; for example {missing.Concat(extra).First()}).");
        }

        var today = SqliteValues.Day(DateOnly.FromDateTime(Oslo.ToOslo(now).DateTime));
        var snapshotDifferences = await Sql.CountAsync(connection, $"""
            SELECT COUNT(*) FROM "PhaseSnapshots" AS s
            WHERE s."Day" = '{today}' AND s."Count" <> (SELECT COUNT(*) FROM "Initiatives" AS i WHERE i."Phase" = s."Phase")
            """, cancellationToken);
        if (snapshotDifferences > 0)
        {
            throw new InvalidOperationException($"Today's phase snapshot differs from the initiatives in {snapshotDifferences} phases.");
        }
    }

    private static async Task<(int Initiatives, int ProgressEntries, int Cells)> CountAsync(SqliteConnection connection, CancellationToken cancellationToken) => (
        await Sql.CountAsync(connection, """SELECT COUNT(*) FROM "Initiatives" """, cancellationToken),
        await Sql.CountAsync(connection, """SELECT COUNT(*) FROM "ProgressEntries" """, cancellationToken),
        await Sql.CountAsync(connection, """SELECT COUNT(*) FROM "DashboardCells" WHERE "Count" <> 0""", cancellationToken));

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

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        }

        command.Prepare();
        return command;
    }

    private static Task<int> RunAsync(SqliteCommand command, CancellationToken cancellationToken, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command.ExecuteNonQueryAsync(cancellationToken);
    }
}
