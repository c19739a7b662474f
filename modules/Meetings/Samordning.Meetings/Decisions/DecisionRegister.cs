using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Export;
using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Meetings.Decisions;

// Workstream and initiative match a decision linked itself or through its meeting; ministry is the organising
// ministry; From and To are days in Europe/Oslo (both included); Q searches the text, case-insensitively.
internal sealed record DecisionFilter(
    Guid? MeetingId = null, Guid? WorkstreamId = null, Guid? InitiativeId = null, Guid? MinistryId = null,
    DateOnly? From = null, DateOnly? To = null, string? Q = null, int Page = 1);

internal sealed record DecisionRow(
    Guid Id, Guid MeetingId, string MeetingTitle, string OrganisingMinistryCode, string Text, DateTimeOffset DecidedAt,
    string? AgendaItem, Guid? WorkstreamId, Guid? InitiativeId, IReadOnlyList<Guid> MeetingWorkstreamIds, IReadOnlyList<Guid> MeetingInitiativeIds);

internal sealed record DecisionPage(IReadOnlyList<DecisionRow> Items, int Total, int Page, int PageSize);

// The decision register across meetings (issue 16): every decision in the meetings the person may read, filtered,
// a page of 100 at a time with the total, and the same rows as CSV and Excel.
internal sealed class DecisionRegister : IEndpoint
{
    public const int PageSize = 100;
    private const int MaxExportRows = 100_000;

    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapGet("/meetings/decisions", async Task<Results<Ok<DecisionPage>, ValidationProblem>> ([AsParameters] DecisionFilter filter, MeetingsDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
                Check(filter) is { Any: true } errors ? Problems.Validation(errors) : TypedResults.Ok(await ListAsync(db, user, filter, ct)))
            .WithTags("Decisions")
            .WithSummary("The decision register: decisions in the meetings the person may read, newest first, filtered by meeting, workstream, initiative (linked to the decision or its meeting), organising ministry, date range (days in Europe/Oslo) and text; a page of 100 with the total.");

        api.MapGet("/meetings/decisions/export.csv", Results<PushStreamHttpResult, ValidationProblem> ([AsParameters] DecisionFilter filter, MeetingsDbContext db, HttpContext http) =>
                Check(filter) is { Any: true } errors
                    ? Problems.Validation(errors)
                    : TypedResults.Stream(
                        stream => Csv.WriteAsync(stream, Headers(), RowsAsync(db, http.User, filter, http.RequestAborted), http.RequestAborted),
                        "text/csv; charset=utf-8",
                        FileName("csv")))
            .WithTags("Decisions")
            .WithSummary("The decision register (current filter) as CSV: semicolon-separated, UTF-8, safe against formula injection.");

        api.MapGet("/meetings/decisions/export.xlsx", async Task<Results<FileStreamHttpResult, ValidationProblem>> ([AsParameters] DecisionFilter filter, MeetingsDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
            {
                if (Check(filter) is { Any: true } errors)
                {
                    return Problems.Validation(errors);
                }

                var rows = new List<IReadOnlyList<object?>>();
                await foreach (var row in RowsAsync(db, user, filter, ct))
                {
                    rows.Add([.. row]);
                }

                var stream = new MemoryStream();
                Xlsx.Write(stream, Localized.T("Beslutninger", "Decisions"), Headers(), rows);
                stream.Position = 0;
                return TypedResults.File(stream, Xlsx.ContentType, FileName("xlsx"));
            })
            .WithTags("Decisions")
            .WithSummary("The decision register (current filter) as an Excel workbook.");
    }

    public static FieldErrors Check(DecisionFilter filter)
    {
        var errors = new FieldErrors()
            .InDateRange(nameof(filter.From), filter.From, new("Fra-datoen", "The from date"))
            .InDateRange(nameof(filter.To), filter.To, new("Til-datoen", "The to date"))
            .MaxLength(nameof(filter.Q), filter.Q, new("Søketeksten", "The search text"), 200);
        if (filter.From is { } from && filter.To is { } to && to < from && !errors.Has(nameof(filter.To)))
        {
            errors.Add(nameof(filter.To), new("Til-datoen kan ikke være før fra-datoen.", "The to date cannot be before the from date."));
        }

        return errors;
    }

    public static async Task<DecisionPage> ListAsync(MeetingsDbContext db, ClaimsPrincipal user, DecisionFilter filter, CancellationToken cancellationToken)
    {
        var matching = Apply(db, user, filter);
        var total = await matching.CountAsync(cancellationToken);
        // A page past the end is empty, not an error; a huge page number must not overflow the offset.
        var page = Math.Clamp(filter.Page, 1, int.MaxValue / PageSize);
        var items = await Project(matching.OrderByDescending(r => r.Entry.CreatedAt).ThenBy(r => r.Entry.Id).Skip((page - 1) * PageSize).Take(PageSize))
            .ToListAsync(cancellationToken);
        return new DecisionPage(items, total, page, PageSize);
    }

    // A member-init type, not a positional record: EF composes further queries on its members only so.
    internal sealed class Match
    {
        public required MeetingEntry Entry { get; init; }
        public required Meeting Meeting { get; init; }
    }

    private static IQueryable<Match> Apply(MeetingsDbContext db, ClaimsPrincipal user, DecisionFilter filter)
    {
        var query = db.Entries.AsNoTracking()
            .Where(e => e.Kind == EntryKind.Decision && !e.Withdrawn)
            .Join(db.Meetings.AsNoTracking().Readable(user), e => e.MeetingId, m => m.Id, (e, m) => new Match { Entry = e, Meeting = m });
        if (filter.MeetingId is { } meeting)
        {
            query = query.Where(r => r.Meeting.Id == meeting);
        }

        if (filter.WorkstreamId is { } workstream)
        {
            query = query.Where(r => r.Entry.WorkstreamId == workstream || r.Meeting.Workstreams.Any(w => w.WorkstreamId == workstream));
        }

        if (filter.InitiativeId is { } initiative)
        {
            query = query.Where(r => r.Entry.InitiativeId == initiative || r.Meeting.Initiatives.Any(i => i.InitiativeId == initiative));
        }

        if (filter.MinistryId is { } ministry)
        {
            query = query.Where(r => r.Meeting.OrganisingMinistryId == ministry);
        }

        if (filter.From is { } from)
        {
            var start = DateRange.FromOsloLocal(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(r => r.Entry.CreatedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = DateRange.FromOsloLocal(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(r => r.Entry.CreatedAt < end);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var text = filter.Q.Trim().ToLower(CultureInfo.InvariantCulture);
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(); the culture overloads are not
            query = query.Where(r => r.Entry.Text.ToLower().Contains(text) || r.Meeting.Title.ToLower().Contains(text));
#pragma warning restore CA1304, CA1311, CA1862
        }

        return query;
    }

    private static IQueryable<DecisionRow> Project(IQueryable<Match> query) =>
        query.Select(r => new DecisionRow(
            r.Entry.Id, r.Meeting.Id, r.Meeting.Title, r.Meeting.OrganisingMinistryCode, r.Entry.Text, r.Entry.CreatedAt,
            r.Meeting.Agenda.Where(a => a.Id == r.Entry.AgendaItemId).Select(a => a.Title).FirstOrDefault(),
            r.Entry.WorkstreamId, r.Entry.InitiativeId,
            r.Meeting.Workstreams.Select(w => w.WorkstreamId).ToList(), r.Meeting.Initiatives.Select(i => i.InitiativeId).ToList()));

    private static string FileName(string extension) => $"beslutninger-{DateTime.UtcNow:yyyy-MM-dd}.{extension}";

    private static string[] Headers() =>
    [
        Localized.T("Tidspunkt", "Time"),
        Localized.T("Møte", "Meeting"),
        Localized.T("Departement", "Ministry"),
        Localized.T("Punkt på dagsordenen", "Agenda item"),
        Localized.T("Beslutning", "Decision"),
    ];

    private static async IAsyncEnumerable<IReadOnlyList<string?>> RowsAsync(
        MeetingsDbContext db, ClaimsPrincipal user, DecisionFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = Project(Apply(db, user, filter).OrderBy(r => r.Entry.CreatedAt).ThenBy(r => r.Entry.Id).Take(MaxExportRows)).AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            yield return
            [
                Oslo.ToOslo(r.DecidedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                r.MeetingTitle,
                r.OrganisingMinistryCode,
                r.AgendaItem,
                r.Text,
            ];
        }
    }
}
