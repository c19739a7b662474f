using System.Buffers;
using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Samordning.Benchmarks.Data;
using Samordning.Shared.Time;

namespace Samordning.Benchmarks.Scenarios.Workstreams;

// The floor of the dashboard: the same compact answer with bare ADO.NET (BenchDatabase) and System.Text.Json, served by
// the same Kestrel server ahead of the whole product pipeline (as the ministries floor is), kept as a good engineer
// would keep it. The answer changes only when a save in the module moves its DashboardVersions rows (every save moves
// the module's row, every change to the cells or the phase history the counts' row too, in the same transaction) or
// the registry's active ministries change, and its one part that follows the clock, the stale statuses per owning
// ministry, only then or when the Oslo day turns. So per request the floor reads the active ministries (as the
// product's directory does) and the two version numbers; when nothing moved and the day is the same it writes the
// answer's bytes, serialised once with those counts at the end; otherwise it reads everything again (the cells folded
// into the answer's shape, the stale statuses counted) and keeps the new bytes under the numbers read before it and
// the day. On PostgreSQL the per-request reads are one round trip; on SQLite one command per file.
// The product keeps the same things per version (DashboardSnapshot) but still makes its answer object per request
// and serialises it: that, and its pipeline, is what the ratio measures.
internal sealed class DashboardFloorEndpoint(BenchDatabase database) : IStartupFilter, IDisposable
{
    public const string Path = "/benchmark-floor/workstreams/dashboard";

    private const string Store = "workstreams";

    // The product's enum names, in their order: the dashboard's counts are arrays in this order.
    private static readonly string[] Phases = ["Idea", "Planned", "InProgress", "Scaling", "Completed", "Stopped"];
    private static readonly string[] Statuses = ["Green", "Amber", "Red"];

    // "Status not confirmed for 60 days" (issue 17): changes with the saves and the Oslo day, so kept with the answer
    // per version and day, as the product keeps it (DashboardSnapshot.Kept.StaleAsync).
    private const int StaleDays = 60;

    private static readonly byte[] NotConfirmed = ""","notConfirmed":"""u8.ToArray();
    private static readonly byte[] ClosingBrace = "}"u8.ToArray();

    private readonly SemaphoreSlim building = new(1, 1);
    private Kept? kept;

    private string Ministries => $"""SELECT "Id", "Code", "NameNb", "NameEn", "NameNn" FROM {database.Table("ministries", "Ministries")} WHERE "Active" ORDER BY "Code" """;

    private string Versions => $"""SELECT "Id", "Version" FROM {T("DashboardVersions")} WHERE "Id" IN (1, 2)""";

    // On the index of the owning ministry and the status's age, as the product counts them (StaleStatus).
    private string Stale => $"""SELECT "OwningMinistryId", COUNT(*) FROM {T("Initiatives")} WHERE "StatusConfirmedAt" < @before GROUP BY "OwningMinistryId" """;

    private string InitiativeColumns => $"""
        i."Id", i."Title", i."OwningMinistryCode", i."Phase", i."Progress", i."Status",
        (SELECT COUNT(*) FROM {T("InitiativeMinistry")} AS c WHERE c."InitiativeId" = i."Id"), i."UpdatedAt", i."StatusConfirmedAt", i."Version"
        """;

    private string T(string table) => database.Table(Store, table);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(Path, floor => floor.Run(ServeAsync));
        next(app);
    };

    public void Dispose() => building.Dispose();

    private async Task ServeAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        await using var db = await database.OpenAsync(Store, cancellationToken);
        var (ministries, version) = await ReadCurrentAsync(db, cancellationToken);
        var day = Oslo.DateOf(DateTimeOffset.UtcNow);
        var answer = KeptFor(ministries, version, day);
        if (answer is null)
        {
            // One request reads everything again; the others in flight wait for it rather than each reading it too.
            await building.WaitAsync(cancellationToken);
            try
            {
                answer = KeptFor(ministries, version, day);
                if (answer is null)
                {
                    var dashboard = JsonSerializer.SerializeToUtf8Bytes(await BuildAsync(db, ministries, cancellationToken), WorkstreamsFloorJson.Default.FloorDashboard);
                    answer = WithNotConfirmed(dashboard, ministries, await StaleAsync(db, StaleBefore(day), cancellationToken));
                    Volatile.Write(ref kept, new Kept(ministries, version, day, answer));
                }
            }
            finally
            {
                building.Release();
            }
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = answer.Length;
        await context.Response.Body.WriteAsync(answer, cancellationToken);
    }

    // The kept object without its closing brace, then the counts as its last member.
    private static byte[] WithNotConfirmed(byte[] dashboard, List<FloorMinistry> ministries, Dictionary<Guid, int> stale)
    {
        var tail = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(tail))
        {
            json.WriteStartObject();
            json.WriteNumber("days", StaleDays);
            json.WriteStartArray("ministries");
            for (var m = 0; m < ministries.Count; m++)
            {
                if (stale.GetValueOrDefault(ministries[m].Id) is > 0 and var count)
                {
                    json.WriteStartObject();
                    json.WriteNumber("ministry", m);
                    json.WriteNumber("count", count);
                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return [.. dashboard.AsSpan(0, dashboard.Length - 1), .. NotConfirmed, .. tail.WrittenSpan, .. ClosingBrace];
    }

    // The instant before which a status is at least StaleDays Oslo days old on the day (as the product's
    // StatusAge.OlderThan).
    private static DateTimeOffset StaleBefore(DateOnly today)
    {
        var day = today.AddDays(1 - StaleDays).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(day, Oslo.TimeZone.GetUtcOffset(day));
    }

    private byte[]? KeptFor(List<FloorMinistry> ministries, (long, long) version, DateOnly day) =>
        Volatile.Read(ref kept) is { } current && current.Version == version && current.Day == day && current.Ministries.SequenceEqual(ministries) ? current.Answer : null;

    // The initiatives per owning ministry whose status was confirmed before staleBefore.
    private async Task<Dictionary<Guid, int>> StaleAsync(DbConnection db, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        await using var command = await database.CommandAsync(db, Stale, cancellationToken, null, ("@before", database.Instant(staleBefore)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var stale = new Dictionary<Guid, int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            stale[BenchDatabase.ReadId(reader.GetValue(0))] = reader.GetInt32(1);
        }

        return stale;
    }

    // The active ministries and the module's and the counts' version numbers (0 where a row is missing).
    private async Task<(List<FloorMinistry> Ministries, (long Module, long Counts) Version)> ReadCurrentAsync(DbConnection db, CancellationToken cancellationToken)
    {
        static FloorMinistry ReadMinistry(DbDataReader r) => new(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4));
        var ministries = new List<FloorMinistry>();
        long module = 0, counts = 0;
        async Task ReadVersionsAsync(DbDataReader reader)
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetInt32(0) == 1)
                {
                    module = reader.GetInt64(1);
                }
                else
                {
                    counts = reader.GetInt64(1);
                }
            }
        }

        if (database.OnPostgres)
        {
            // One schema per module in one database: both reads in one command, one round trip.
            await using var command = await database.CommandAsync(db, $"{Ministries};\n{Versions}", cancellationToken);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ministries.Add(ReadMinistry(reader));
            }

            await reader.NextResultAsync(cancellationToken);
            await ReadVersionsAsync(reader);
            return (ministries, (module, counts));
        }

        await using (var registry = await database.OpenAsync("ministries", cancellationToken))
        {
            ministries = await database.ListAsync(registry, Ministries, ReadMinistry, cancellationToken);
        }

        await using (var command = await database.CommandAsync(db, Versions, cancellationToken))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await ReadVersionsAsync(reader);
        }

        return (ministries, (module, counts));
    }

    // The whole answer from the stored rows: the workstreams, the non-zero kept cells folded into a phase x status
    // table per ministry and workstream, the newest cross-sectoral initiatives, the last 14 days and the latest round.
    private async Task<FloorDashboard> BuildAsync(DbConnection db, List<FloorMinistry> ministryRows, CancellationToken cancellationToken)
    {
        var workstreamRows = await database.ListAsync(db, $"""
            SELECT "Id", "Chapter", "TitleNb", "TitleEn", "TitleNn" FROM {T("Workstreams")} ORDER BY COALESCE("Chapter", 2147483647), "TitleNb"
            """, r => new FloorWorkstream(r.GetGuid(0), r.IsDBNull(1) ? null : r.GetInt32(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4)), cancellationToken);

        // The kept cells, folded into a phase x status table per ministry and workstream; ids stay in their stored
        // form (text on SQLite, uuid on PostgreSQL).
        var ministryIndex = ministryRows.Select((m, n) => (m, n)).ToDictionary(x => database.Id(x.m.Id), x => x.n);
        var workstreamIndex = workstreamRows.Select((w, n) => (w, n)).ToDictionary(x => database.Id(x.w.Id), x => x.n);
        var allWorkstreams = database.Id(Guid.Parse(SqliteValues.AllWorkstreams));
        var noWorkstream = database.Id(Guid.Empty);
        var columns = workstreamRows.Count + 2; // the workstreams, then none, then all (the totals)
        var tables = new int[ministryRows.Count * columns][];
        await using (var command = db.CreateCommand())
        {
            command.CommandText = $"""SELECT "MinistryId", "WorkstreamId", "Phase", "Status", "Count" FROM {T("DashboardCells")} WHERE "Count" <> 0""";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!ministryIndex.TryGetValue(reader.GetValue(0), out var m))
                {
                    continue;
                }

                var workstream = reader.GetValue(1);
                var w = workstream.Equals(allWorkstreams) ? columns - 1
                    : workstream.Equals(noWorkstream) ? columns - 2
                    : workstreamIndex.TryGetValue(workstream, out var found) ? found : -1;
                if (w >= 0)
                {
                    var table = tables[(m * columns) + w] ??= new int[Phases.Length * Statuses.Length];
                    table[(Array.IndexOf(Phases, reader.GetString(2)) * Statuses.Length) + Array.IndexOf(Statuses, reader.GetString(3))] += reader.GetInt32(4);
                }
            }
        }

        var totals = new List<FloorTotals>();
        var matrix = new List<FloorCell>();
        var running = new Dictionary<Guid, int>();
        for (var m = 0; m < ministryRows.Count; m++)
        {
            if (tables[(m * columns) + columns - 1] is { } all && all.Any(n => n != 0))
            {
                totals.Add(new FloorTotals(m, [.. Enumerable.Range(0, Phases.Length).Select(p => (IReadOnlyList<int>)all.AsSpan(p * Statuses.Length, Statuses.Length).ToArray())]));
                running[ministryRows[m].Id] = Enumerable.Range(0, Phases.Length).Where(p => Phases[p] is not ("Completed" or "Stopped"))
                    .Sum(p => all.AsSpan(p * Statuses.Length, Statuses.Length).ToArray().Sum());
            }

            for (var w = 0; w < columns - 1; w++)
            {
                if (tables[(m * columns) + w] is { } table && table.Any(n => n != 0))
                {
                    matrix.Add(new FloorCell(
                        m, w == columns - 2 ? null : w,
                        [.. Enumerable.Range(0, Phases.Length).Select(p => Enumerable.Range(0, Statuses.Length).Sum(s => table[(p * Statuses.Length) + s]))],
                        [.. Enumerable.Range(0, Statuses.Length).Select(s => Enumerable.Range(0, Phases.Length).Sum(p => table[(p * Statuses.Length) + s]))]));
                }
            }
        }

        var crossSectoral = await database.ListAsync(db, $"""
            SELECT {InitiativeColumns} FROM {T("Initiatives")} AS i
            WHERE EXISTS (SELECT 1 FROM {T("InitiativeMinistry")} AS c WHERE c."InitiativeId" = i."Id")
            ORDER BY i."UpdatedAt" DESC, i."Id" LIMIT 21
            """, ReadInitiative, cancellationToken);
        var history = (await database.ListAsync(db, $"""
            SELECT "Day", "Phase", "Count" FROM {T("PhaseSnapshots")}
            WHERE "Day" >= (SELECT MIN("Day") FROM (SELECT DISTINCT "Day" FROM {T("PhaseSnapshots")} ORDER BY "Day" DESC LIMIT 14) AS days)
            ORDER BY "Day"
            """, r => (Day: BenchDatabase.ReadDay(r, 0), Phase: r.GetString(1), Count: r.GetInt32(2)), cancellationToken))
            .GroupBy(h => h.Day)
            .Select(g =>
            {
                var counts = new int[Phases.Length];
                foreach (var point in g)
                {
                    counts[Array.IndexOf(Phases, point.Phase)] = point.Count;
                }

                return new FloorHistoryDay(g.Key, counts);
            })
            .ToList();
        var round = await LatestRoundAsync(db, ministryRows, running, cancellationToken);

        return new FloorDashboard(
            Phases, Statuses, ministryRows, workstreamRows, totals, matrix,
            new FloorCrossSectoral([.. crossSectoral.Take(20)], crossSectoral.Count > 20), history, round, null);
    }

    private async Task<FloorRound?> LatestRoundAsync(
        DbConnection db, List<FloorMinistry> ministryRows, Dictionary<Guid, int> toConfirm, CancellationToken cancellationToken)
    {
        var rounds = await database.ListAsync(db, $"""
            SELECT "Id", "Title", "Description", "Deadline", "ClosedAt", "Version" FROM {T("ReportingRounds")}
            ORDER BY CASE WHEN "ClosedAt" IS NULL THEN 0 ELSE 1 END, "OpenedAt" DESC LIMIT 1
            """, r => (Id: r.GetGuid(0), Title: r.GetString(1), Description: r.IsDBNull(2) ? null : r.GetString(2), Deadline: BenchDatabase.ReadInstant(r, 3),
                ClosedAt: r.IsDBNull(4) ? (DateTimeOffset?)null : BenchDatabase.ReadInstant(r, 4), Version: r.GetInt64(5)), cancellationToken);
        if (rounds.Count == 0)
        {
            return null;
        }

        var round = rounds[0];
        var confirmed = (await database.ListAsync(db, $"""SELECT "MinistryId", COUNT(*) FROM {T("RoundConfirmations")} WHERE "RoundId" = @p0 GROUP BY "MinistryId" """,
            r => (Ministry: r.GetGuid(0), Count: r.GetInt32(1)), cancellationToken, round.Id)).ToDictionary(x => x.Ministry, x => x.Count);
        var submissions = (await database.ListAsync(db, $"""SELECT "MinistryId", "SubmittedAt", "PersonName" FROM {T("RoundSubmissions")} WHERE "RoundId" = @p0""",
            r => (Ministry: r.GetGuid(0), At: BenchDatabase.ReadInstant(r, 1), By: r.GetString(2)), cancellationToken, round.Id)).ToDictionary(x => x.Ministry);

        var statuses = ministryRows.Select(m =>
        {
            var done = confirmed.GetValueOrDefault(m.Id);
            var submitted = submissions.TryGetValue(m.Id, out var submission);
            var state = submitted ? "Submitted" : done > 0 ? "InProgress" : "NotStarted";
            return new FloorMinistryRound(m.Id, m.Code, state, done, toConfirm.GetValueOrDefault(m.Id), submitted ? submission.At : null, submitted ? submission.By : null);
        }).ToList();
        return new FloorRound(round.Id, round.Title, round.Description, round.Deadline, round.ClosedAt, round.Version, statuses, statuses.Count(s => s.State == "Submitted"));
    }


    private static FloorInitiative ReadInitiative(DbDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetString(5), r.GetInt32(6), BenchDatabase.ReadInstant(r, 7), BenchDatabase.ReadInstant(r, 8), r.GetInt64(9));

    // The answer's bytes and what they were made from.
    private sealed record Kept(List<FloorMinistry> Ministries, (long Module, long Counts) Version, DateOnly Day, byte[] Answer);
}
