using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Samordning.Benchmarks.Data;
using Samordning.Benchmarks.Harness;
using Samordning.Benchmarks.Hosting;
using Samordning.Meetings.Entries;
using Samordning.Notifications;
using Samordning.Notifications.Scheduling;
using Samordning.Notifications.Sweep;
using Samordning.Shared.Persistence;

namespace Samordning.Benchmarks.Scenarios.Notifications;

// Issue 6: the reminder sweep over 50,000 open deadlines against a raw SQL floor that selects the same due
// reminders, in the same run. A sweep changes what the next one finds, so this is not a closed-loop load test:
// each round empties what the previous round claimed, then measures, in this order, the floor (everything due),
// the first sweep (finds, logs and queues all of it), the floor again (nothing left) and a second sweep (must
// claim nothing). A warm-up round goes first and is not counted. Both sweeps are reported as scenarios of the
// usual report, with sweeps/s against floor selections/s (ratio = floor time / sweep time; aim: within 3 times
// the floor, ratio >= 0.33). The run fails when floor and first sweep disagree on the due set, or when the
// second sweep logs, queues or notifies anything.
internal static class NotificationsSweepBenchmark
{
    public const string Name = "notifications-sweep";
    public const string AgainName = "notifications-sweep-again";
    public const double Aim = 1.0 / 3;

    // Wednesday 2 December 2026, 10:00 in Oslo: a working day, within sending hours.
    public static readonly DateTimeOffset Morning = new(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(1));

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(IServiceProvider services, BenchmarkOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var clock = services.GetRequiredService<BenchmarkClock>();
        var configuration = services.GetRequiredService<IConfiguration>();
        var settings = DatabaseSettings.From(configuration);
        var notifications = services.GetRequiredService<IOptions<NotificationsOptions>>().Value;
        await using var database = new BenchDatabase(configuration);
        var floor = new SweepFloor(
            database,
            new SqliteConnectionStringBuilder(settings.SqliteConnectionString("ministries")).DataSource,
            new SqliteConnectionStringBuilder(settings.SqliteConnectionString("notifications")).DataSource,
            notifications.PolicyFor(MeetingDeadlines.ActionKind),
            new ReminderSchedule(notifications.SendFromHour, notifications.SendUntilHour));
        var today = DateOnly.FromDateTime(Morning.DateTime);
        var (from, to) = (today.AddDays(-SweepVolume.DaysBack - 1), today.AddDays(SweepVolume.DaysAhead + 1));
        var subject = new TimedSide();
        var again = new TimedSide();
        var floorBefore = new TimedSide();
        var floorAfter = new TimedSide();
        var facts = new StringBuilder();
        clock.Pin(Morning);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var people = await SweepVolume.CreateAsync(database, today, cancellationToken);
            await floor.CreateIndexAsync(cancellationToken);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{Name}] {SweepVolume.OpenDeadlines:N0} open action items for {people} people written in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));

            var rounds = Math.Max(1, options.Rounds);
            for (var round = 0; round <= rounds; round++)
            {
                var measured = round > 0;
                await ResetAsync(database, cancellationToken);
                var before = await CountAsync(database, cancellationToken);

                var (floorTime, due) = await TimedRounds.TimeAsync(() => floor.SelectDueAsync(Morning, from, to, cancellationToken));
                var (sweepTime, claimed) = await TimedRounds.TimeAsync(() => SweepAsync(services, cancellationToken));
                var logged = await LoggedAsync(database, cancellationToken);
                var actionRows = logged.Where(k => k.StartsWith("meetings.action:", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
                if (due.Count == 0 || !due.SetEquals(actionRows))
                {
                    throw new ScenarioFailedException(string.Create(CultureInfo.InvariantCulture,
                        $"The floor found {due.Count} due action-item reminders, the sweep logged {actionRows.Count}; {due.Except(actionRows).Count()} only in the floor, {actionRows.Except(due).Count()} only in the sweep."));
                }

                if (claimed != logged.Count)
                {
                    throw new ScenarioFailedException($"The sweep said it claimed {claimed} reminders, the log has {logged.Count} new rows.");
                }

                var afterFirst = await CountAsync(database, cancellationToken);
                var (againTime, againClaimed) = await TimedRounds.TimeAsync(() => SweepAsync(services, cancellationToken));
                var (floorAfterTime, left) = await TimedRounds.TimeAsync(() => floor.SelectDueAsync(Morning, from, to, cancellationToken));
                var afterSecond = await CountAsync(database, cancellationToken);
                if (againClaimed != 0 || afterSecond != afterFirst || left.Count != 0)
                {
                    throw new ScenarioFailedException(
                        $"The second sweep claimed {againClaimed}; log/mail/notification rows went from {afterFirst} to {afterSecond}; the floor still finds {left.Count} due.");
                }

                var line = string.Create(CultureInfo.InvariantCulture,
                    $"[{Name}] {(measured ? $"round {round}/{rounds}" : "warm-up")}: floor {floorTime:0} ms, first sweep {sweepTime:0} ms ({claimed} claimed; rows {before} -> {afterFirst}), floor again {floorAfterTime:0} ms, second sweep {againTime:0} ms (0 claimed)");
                log.WriteLine(line);
                if (!measured)
                {
                    continue;
                }

                floorBefore.Add(floorTime);
                subject.Add(sweepTime);
                floorAfter.Add(floorAfterTime);
                again.Add(againTime);
                facts.Clear().Append(CultureInfo.InvariantCulture,
                    $"{due.Count:N0} due action-item reminders ({logged.Count - actionRows.Count} more from the demo data's other deadlines); log/mail/notification rows {before:N0} -> {afterFirst:N0}");
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failure = exception is ScenarioFailedException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
            return [new ScenarioResult(Name, null, null, null, [], Aim, null, failure)];
        }
        finally
        {
            clock.Release();
        }

        var volume = string.Create(CultureInfo.InvariantCulture, $"{SweepVolume.OpenDeadlines:N0} open action items in the Meetings store");
        return
        [
            Result(Name, subject.Summary($"ReminderSweep.SendDueRemindersAsync once, first sweep over {volume}: finds, logs and queues every due reminder; {facts}"),
                floorBefore.Summary($"one {database.Library} select of the same due reminders ({(database.OnPostgres ? "the Meetings, Ministries and Notifications schemas joined" : "meetings.db with ministries.db and notifications.db attached")}; due days from the product's schedule)")),
            Result(AgainName, again.Summary($"ReminderSweep.SendDueRemindersAsync again right after: everything due is logged, so it claims nothing (checked: no new log, mail or notification rows)"),
                floorAfter.Summary("the same raw SQL select, which now finds nothing")),
        ];
    }

    private static ScenarioResult Result(string name, SideResult subject, SideResult floor)
    {
        var ratios = subject.RoundRequestsPerSecond.Zip(floor.RoundRequestsPerSecond, (s, f) => s / f).ToList();
        var ratio = subject.RequestsPerSecond / floor.RequestsPerSecond;
        return new ScenarioResult(name, subject, floor, ratio, ratios, Aim, ratio >= Aim, null);
    }

    private static async Task<int> SweepAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderSweep>().SendDueRemindersAsync(cancellationToken);
    }

    // What the sweeps of a round wrote: every row they write carries the pinned time.
    private static async Task ResetAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync("notifications", cancellationToken);
        foreach (var (table, column) in new[] { ("ReminderLog", "ClaimedAt"), ("Mail", "CreatedAt"), ("Notifications", "CreatedAt") })
        {
            await using var command = await database.CommandAsync(connection,
                $"""DELETE FROM {database.Table("notifications", table)} WHERE "{column}" = @at""", cancellationToken, null, ("@at", database.Instant(Morning.ToUniversalTime())));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task<int> CountAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync("notifications", cancellationToken);
        return await database.CountAsync(connection, $"""
            SELECT (SELECT count(*) FROM {database.Table("notifications", "ReminderLog")}) + (SELECT count(*) FROM {database.Table("notifications", "Mail")})
                 + (SELECT count(*) FROM {database.Table("notifications", "Notifications")})
            """, cancellationToken);
    }

    private static async Task<HashSet<string>> LoggedAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync("notifications", cancellationToken);
        var rows = await database.ListAsync(connection,
            $"""SELECT "DeadlineKey", "DueAt", "RecipientId", "Offset", "Channel" FROM {database.Table("notifications", "ReminderLog")} WHERE "ClaimedAt" = @p0""",
            r => SweepFloor.Key(r.GetString(0), BenchDatabase.ReadInstant(r, 1), BenchDatabase.ReadId(r.GetValue(2)), r.GetString(3), r.GetString(4)),
            cancellationToken,
            Morning.ToUniversalTime());
        return rows.ToHashSet(StringComparer.Ordinal);
    }
}
