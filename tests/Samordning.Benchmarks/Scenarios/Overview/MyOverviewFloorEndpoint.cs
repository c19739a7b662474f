using System.Data.Common;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Samordning.Benchmarks.Data;
using Samordning.Benchmarks.Hosting;
using Samordning.Shared.Overview;
using Samordning.Shared.Time;

namespace Samordning.Benchmarks.Scenarios.Overview;

// The floor of a contact person's overview: the same sections' items with bare ADO.NET (BenchDatabase), written as
// the overview's list markup with a StringBuilder, served by the same Kestrel server ahead of the whole product
// pipeline. Per request it finds the person by the identity provider's subject (as the registry's claims
// transformation does), reads where their changes count from, then per section the best plan on the stores'
// indexes: the ministry's running initiatives from the kept dashboard totals, per open round not submitted the
// confirmations still counting among the running counted on (RoundId, MinistryId, CountsAsRunning) and the first
// unconfirmed titles; the meetings of the week that concern them, their open action items, new input on followed
// workstreams, their unread notifications. It does not read the live topics' sequence numbers (the product reads one
// per topic): the floor is, if anything, cheaper.
internal sealed class MyOverviewFloorEndpoint(BenchDatabase database, IClock clock) : IStartupFilter
{
    public const string Path = "/benchmark-floor/overview";

    private const int Shown = 8;
    private const int ShownElsewhere = 10;
    private const int ContactPersonOnly = 2;

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly CultureInfo Nb = CultureInfo.GetCultureInfo("nb-NO");
    private static readonly ClaimsPrincipal Nobody = new();

    private const string Running = """ "Phase" NOT IN ('Completed', 'Stopped') """;

    private string W(string table) => database.Table("workstreams", table);

    private string M(string table) => database.Table("meetings", table);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(Path, floor => floor.Run(ServeAsync));
        next(app);
    };

    private async Task ServeAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var subject = context.Request.Headers[BenchmarkAuthenticationHandler.SubjectHeader].ToString();
        (Guid Id, Guid Ministry)? found;
        await using (var registry = await database.OpenAsync("ministries", cancellationToken))
        {
            var people = await database.ListAsync(registry, $"""SELECT "Id", "MinistryId", "Roles" FROM {database.Table("ministries", "People")} WHERE "Subject" = @p0 AND "Active" """,
                r => (Id: BenchDatabase.ReadId(r.GetValue(0)), Ministry: r.IsDBNull(1) ? (Guid?)null : BenchDatabase.ReadId(r.GetValue(1)), Roles: r.GetInt32(2)), cancellationToken, subject);
            found = people is [{ Roles: ContactPersonOnly, Ministry: { } ministry } person] ? (person.Id, ministry) : null;
        }

        if (found is not { } me)
        {
            // The floor covers contact persons only; anyone else is no request of this scenario.
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var now = clock.UtcNow;
        var asOf = new OverviewContext(Nobody, now, null);
        var html = new StringBuilder(8192);
        html.Append("<div class=\"overview-grid\">");

        DateTimeOffset? changesSince;
        await using (var host = await database.OpenAsync("host", cancellationToken))
        {
            var visits = await database.ListAsync(host, $"""SELECT "ChangesSince" FROM {database.Table("host", "OverviewVisits")} WHERE "PersonId" = @p0""",
                r => r.IsDBNull(0) ? (DateTimeOffset?)null : BenchDatabase.ReadInstant(r, 0), cancellationToken, me.Id);
            changesSince = visits.Count == 1 ? visits[0] : null;
        }

        await using (var workstreams = await database.OpenAsync("workstreams", cancellationToken))
        {
            Section(html, OverviewSections.Rounds, "Rapporteringsrunder", await RoundsAsync(workstreams, me.Ministry, asOf, cancellationToken));
        }

        await using (var meetings = await database.OpenAsync("meetings", cancellationToken))
        {
            Section(html, OverviewSections.Meetings, "Møter i dag og denne uken", await MeetingsAsync(meetings, me.Id, me.Ministry, asOf, cancellationToken));
            Section(html, OverviewSections.ActionItems, "Mine åpne oppfølgingspunkter", await ActionItemsAsync(meetings, me.Id, now, cancellationToken));
        }

        List<Guid> followed;
        List<Item> unread;
        await using (var notifications = await database.OpenAsync("notifications", cancellationToken))
        {
            followed = await database.ListAsync(notifications, $"""SELECT "WorkstreamId" FROM {database.Table("notifications", "Follows")} WHERE "PersonId" = @p0""",
                r => BenchDatabase.ReadId(r.GetValue(0)), cancellationToken, me.Id);
            unread = await database.ListAsync(notifications, $"""
                SELECT "TitleNb", "Link", "CreatedAt" FROM {database.Table("notifications", "Notifications")}
                WHERE "PersonId" = @p0 AND "ReadAt" IS NULL ORDER BY "CreatedAt" DESC LIMIT {ShownElsewhere}
                """, r => new Item(r.GetString(0), r.GetString(1), null, BenchDatabase.ReadInstant(r, 2), false), cancellationToken, me.Id);
        }

        Section(html, OverviewSections.Input, "Nye innspill på arbeidsstrømmer du følger",
            followed.Count == 0 ? [] : await InputAsync(me.Ministry, followed, changesSince ?? now.AddDays(-7), cancellationToken));
        Section(html, OverviewSections.Notifications, "Uleste varsler", unread);
        html.Append("</div>");

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html.ToString(), cancellationToken);
    }

    // Open rounds the ministry has not submitted, by deadline; each with its counts and its first unconfirmed titles.
    private async Task<List<Item>> RoundsAsync(DbConnection db, Guid ministry, OverviewContext asOf, CancellationToken cancellationToken)
    {
        var rounds = await database.ListAsync(db, $"""
            SELECT r."Id", r."Title", r."Deadline" FROM {W("ReportingRounds")} AS r
            WHERE r."ClosedAt" IS NULL AND NOT EXISTS (SELECT 1 FROM {W("RoundSubmissions")} AS s WHERE s."RoundId" = r."Id" AND s."MinistryId" = @p0)
            ORDER BY r."Deadline"
            """, r => (Id: BenchDatabase.ReadId(r.GetValue(0)), Title: r.GetString(1), Deadline: BenchDatabase.ReadInstant(r, 2)), cancellationToken, ministry);
        var items = new List<Item>();
        if (rounds.Count == 0)
        {
            return items;
        }

        var running = await database.CountAsync(db, $"""
            SELECT COALESCE(SUM("Count"), 0) FROM {W("DashboardCells")} WHERE "MinistryId" = @p0 AND "WorkstreamId" = @p1 AND {Running}
            """, cancellationToken, ministry, Guid.Parse(SqliteValues.AllWorkstreams));
        foreach (var round in rounds)
        {
            // The confirmed count (from the (RoundId, MinistryId, CountsAsRunning) index alone) and the first titles in
            // one command.
            await using var command = await database.CommandAsync(db, $"""
                SELECT COUNT(*) FROM {W("RoundConfirmations")} WHERE "RoundId" = @round AND "MinistryId" = @ministry AND "CountsAsRunning";
                SELECT i."Id", i."Title" FROM {W("Initiatives")} AS i
                WHERE i."OwningMinistryId" = @ministry AND i.{Running}
                  AND NOT EXISTS (SELECT 1 FROM {W("RoundConfirmations")} AS c WHERE c."RoundId" = @round AND c."InitiativeId" = i."Id" AND c."MinistryId" = @ministry)
                ORDER BY i."Title", i."Id" LIMIT {Shown}
                """, cancellationToken, null, ("@round", database.Id(round.Id)), ("@ministry", database.Id(ministry)));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var open = running - Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
            var href = $"/arbeidsstrommer/runder/{round.Id}";
            var days = asOf.DaysLeftText(round.Deadline).Nb;
            items.Add(new Item(round.Title, href, $"{days} · {open} av {running} tiltak ikke bekreftet", round.Deadline, asOf.DaysLeft(round.Deadline) <= 2));
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(new Item(reader.GetString(1), $"/arbeidsstrommer/tiltak/{BenchDatabase.ReadId(reader.GetValue(0))}", $"Ikke bekreftet i «{round.Title}»", null, false));
            }
        }

        return items;
    }

    // Meetings this week they facilitate or take part in (themselves or through their ministry), or their ministry
    // organises (not one-to-one); a live one first.
    private async Task<List<Item>> MeetingsAsync(DbConnection db, Guid person, Guid ministry, OverviewContext asOf, CancellationToken cancellationToken)
    {
        var meetings = await database.ListAsync(db, $"""
            SELECT m."Id", m."Title", m."Status", m."StartsAt" FROM {M("Meetings")} AS m
            WHERE m."Status" <> 'Closed' AND m."EndsAt" > @p0 AND m."StartsAt" < @p1
              AND (EXISTS (SELECT 1 FROM {M("MeetingFacilitator")} AS f WHERE f."MeetingId" = m."Id" AND f."PersonId" = @p2)
                OR EXISTS (SELECT 1 FROM {M("Participants")} AS p WHERE p."MeetingId" = m."Id" AND (p."PersonId" = @p2 OR p."MinistryId" = @p3))
                OR (m."OrganisingMinistryId" = @p3 AND m."Kind" <> 'OneToOne'))
            ORDER BY m."StartsAt" LIMIT {ShownElsewhere * 3}
            """, r => (Id: BenchDatabase.ReadId(r.GetValue(0)), Title: r.GetString(1), Live: r.GetString(2) == "Live", StartsAt: BenchDatabase.ReadInstant(r, 3)),
            cancellationToken, asOf.Now, asOf.EndOfWeek, person, ministry);
        return [.. meetings.OrderBy(m => m.Live ? 0 : 1).ThenBy(m => m.StartsAt).Take(ShownElsewhere).Select(m => new Item(
            m.Title, $"/moter/{m.Id}", m.Live ? "Pågår nå" : m.StartsAt < asOf.EndOfToday ? "I dag" : "Denne uken", m.StartsAt, m.Live))];
    }

    private async Task<List<Item>> ActionItemsAsync(DbConnection db, Guid person, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = Oslo.DateOf(now);
        var actions = await database.ListAsync(db, $"""
            SELECT e."Id", e."Text", e."DueDate", e."MeetingId", m."Title" FROM {M("Entries")} AS e JOIN {M("Meetings")} AS m ON m."Id" = e."MeetingId"
            WHERE e."Kind" = 'ActionItem' AND e."OwnerPersonId" = @p0 AND e."ActionStatus" = 'Open' AND NOT e."Withdrawn"
            ORDER BY e."DueDate" IS NULL, e."DueDate", e."CreatedAt" LIMIT {ShownElsewhere}
            """, r => (Id: BenchDatabase.ReadId(r.GetValue(0)), Text: r.GetString(1), Due: r.IsDBNull(2) ? (DateOnly?)null : DateOnly.Parse(BenchDatabase.ReadDay(r, 2), CultureInfo.InvariantCulture),
                Meeting: BenchDatabase.ReadId(r.GetValue(3)), MeetingTitle: r.GetString(4)), cancellationToken, person);
        return [.. actions.Select(a => new Item(
            a.Text,
            $"/moter/{a.Meeting}/notater/{a.Id}",
            a.Due is { } due
                ? $"Frist {due.ToString("d. MMMM yyyy", Nb)}{(due < today ? " (forfalt)" : "")} · {a.MeetingTitle}"
                : $"Uten frist · {a.MeetingTitle}",
            null,
            a.Due < today))];
    }

    // Their ministry's input received since, on a workstream they follow, newest first.
    private async Task<List<Item>> InputAsync(Guid ministry, List<Guid> followed, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await database.OpenAsync("feedback", cancellationToken);
        return await database.ListAsync(db, $"""
            SELECT i."Id", i."Reference", i."OrganisationName", i."ReceivedAt" FROM {database.Table("feedback", "Items")} AS i
            WHERE i."MinistryId" = @p0 AND i."ReceivedAt" > @p1
              AND EXISTS (SELECT 1 FROM {database.Table("feedback", "FeedbackWorkstream")} AS w WHERE w."ItemId" = i."Id" AND {database.InList("w.\"WorkstreamId\"", "@p2")})
            ORDER BY i."ReceivedAt" DESC LIMIT {ShownElsewhere}
            """, r => new Item($"Innspill {r.GetString(1)}", $"/innspillsregister/{BenchDatabase.ReadId(r.GetValue(0))}", r.IsDBNull(2) ? null : r.GetString(2), BenchDatabase.ReadInstant(r, 3), false),
            cancellationToken, ministry, since, database.OnPostgres ? followed.ToArray() : JsonSerializer.Serialize(followed.Select(SqliteValues.Text)));
    }

    // The overview's markup for a section's items (emphasised first), encoded as the product encodes.
    private static void Section(StringBuilder html, string key, string heading, List<Item> items)
    {
        html.Append("<section class=\"overview-section\" data-section=\"").Append(key).Append("\"><h2>").Append(Html.Encode(heading)).Append("</h2><ul class=\"overview-list\">");
        foreach (var item in items.Where(i => i.Emphasis).Concat(items.Where(i => !i.Emphasis)))
        {
            html.Append("<li class=\"overview-item\"><a class=\"ds-link\" href=\"").Append(Html.Encode(item.Href)).Append("\">").Append(Html.Encode(item.Text)).Append("</a>");
            if (item.Detail is { } detail)
            {
                html.Append("<span class=\"overview-detail\">").Append(Html.Encode(detail)).Append("</span>");
            }

            if (item.When is { } when)
            {
                html.Append("<time class=\"overview-detail\" datetime=\"").Append(when.ToString("O", CultureInfo.InvariantCulture)).Append("\"></time>");
            }

            html.Append("</li>");
        }

        html.Append("</ul></section>");
    }

    private sealed record Item(string Text, string Href, string? Detail, DateTimeOffset? When, bool Emphasis);
}
