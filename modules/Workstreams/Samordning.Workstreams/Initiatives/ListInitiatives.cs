using System.Linq.Expressions;
using Samordning.Shared.Time;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Initiatives;

// MinistryId matches the owning and the collaborating ministries; with OwnedOnly, the owning ministry only (as the
// dashboard counts). NotConfirmedForDays: statuses at least that many Oslo days old (StatusAge); Sort "confirmed":
// the oldest status first, else the newest change first.
internal sealed record InitiativeFilter(
    string? Q = null, Guid? MinistryId = null, Guid? WorkstreamId = null, Phase? Phase = null, Rag? Status = null, string? Tag = null,
    bool? CrossSectoral = null, bool? OwnedOnly = null, int Page = 1, int PageSize = 50, int? NotConfirmedForDays = null, string? Sort = null)
{
    public const string SortConfirmed = "confirmed";

    public bool OldestStatusFirst => string.Equals(Sort, SortConfirmed, StringComparison.OrdinalIgnoreCase);

    // Whether Apply narrows the initiatives at all (the page and its order aside).
    public bool FiltersAnything =>
        !string.IsNullOrWhiteSpace(Q) || MinistryId is not null || WorkstreamId is not null || Phase is not null || Status is not null
        || !string.IsNullOrWhiteSpace(Tag) || CrossSectoral is not null || NotConfirmedForDays is not null;

    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        if (NotConfirmedForDays is < 1 or > StatusAge.MaxDays)
        {
            errors.Add(nameof(NotConfirmedForDays), new($"Antall dager må være fra 1 til {StatusAge.MaxDays}.", $"The number of days must be from 1 to {StatusAge.MaxDays}."));
        }

        if (Sort is not null && !OldestStatusFirst && !string.Equals(Sort, "changed", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(nameof(Sort), new("Sorter etter «changed» eller «confirmed».", "Sort by “changed” or “confirmed”."));
        }

        return errors;
    }
}

internal sealed record InitiativeListItem(
    Guid Id, string Title, string OwningMinistryCode, Phase Phase, int Progress, Rag Status, int CollaboratorCount, DateTimeOffset UpdatedAt, DateTimeOffset StatusConfirmedAt, long Version);

internal sealed record InitiativePage(IReadOnlyList<InitiativeListItem> Items, int Total, int Page, int PageSize);

internal sealed class ListInitiatives : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/workstreams/initiatives", async Task<Results<Ok<InitiativePage>, ValidationProblem>> ([AsParameters] InitiativeFilter filter, WorkstreamsDbContext db, IClock clock, CancellationToken ct) =>
                filter.Validate() is { Any: true } errors ? Problems.Validation(errors) : TypedResults.Ok(await HandleAsync(db, filter, ct, clock.UtcNow)))
            .WithTags("Initiatives")
            .WithSummary("Initiatives filtered by text, ministry (owning or collaborating; owning only with ownedOnly=true, as the dashboard counts), workstream, phase, status, tag, cross-sectoral and the status's age (notConfirmedForDays: not confirmed or changed for at least that many days, Oslo calendar); newest change first, or the oldest status first with sort=confirmed.");

    public static async Task<InitiativePage> HandleAsync(WorkstreamsDbContext db, InitiativeFilter filter, CancellationToken cancellationToken, DateTimeOffset? now = null)
    {
        var (page, pageSize) = PageOf(filter);
        var initiatives = await InitiativeTextSearch.CandidatesAsync(db, filter.Q, cancellationToken);
        var listed = Listed(db, initiatives, filter, now);
        if (!string.IsNullOrWhiteSpace(filter.Q) && listed is null
            && await SearchedPageAsync(db, initiatives, filter, now, cancellationToken) is { } searched)
        {
            return searched;
        }

        var total = listed is not null
            ? await listed.CountAsync(cancellationToken)
            : await Apply(initiatives, filter, now).CountAsync(cancellationToken);
        return new InitiativePage(await PageAsync(db, initiatives, filter, now, cancellationToken), total, page, pageSize);
    }

    // A search's hits are found by looking the text up in the index and testing each candidate, most of its cost; a
    // count and then a page would do that twice. So a searched list reads its hits' sort keys once, counts and orders
    // them here (the order the database gives: the newest change or the oldest status first, then the id, which
    // compares alike in .NET, SQLite's text and PostgreSQL's uuid), and reads the page's rows by id. Past KeysPaged
    // hits (a search for what most initiatives hold) it answers null and the database counts and pages, as unsearched.
    internal const int KeysPaged = 10_000;

    private readonly record struct SortKey(Guid Id, DateTimeOffset At);

    private static readonly Expression<Func<Initiative, InitiativeListItem>> ListItem = i => new InitiativeListItem(
        i.Id, i.Title, i.OwningMinistryCode, i.Phase, i.Progress, i.Status, i.CollaboratingMinistries.Count, i.UpdatedAt, i.StatusConfirmedAt, i.Version);

    private static async Task<InitiativePage?> SearchedPageAsync(
        WorkstreamsDbContext db, IQueryable<Initiative> initiatives, InitiativeFilter filter, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        var (page, pageSize) = PageOf(filter);
        var matching = Apply(initiatives, filter, now);
        var keys = await (filter.OldestStatusFirst
                ? matching.Select(i => new SortKey(i.Id, i.StatusConfirmedAt))
                : matching.Select(i => new SortKey(i.Id, i.UpdatedAt)))
            .Take(KeysPaged + 1)
            .ToListAsync(cancellationToken);
        if (keys.Count > KeysPaged)
        {
            return null;
        }

        var ordered = filter.OldestStatusFirst ? keys.OrderBy(k => k.At).ThenBy(k => k.Id) : keys.OrderByDescending(k => k.At).ThenBy(k => k.Id);
        // A page past the end is empty; a huge page number must not overflow the offset.
        var skip = (int)Math.Min((long)(page - 1) * pageSize, keys.Count);
        var ids = ordered.Skip(skip).Take(pageSize).Select(k => k.Id).ToList();
        var rows = (await db.Initiatives.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(ListItem).ToListAsync(cancellationToken))
            .ToDictionary(r => r.Id);
        // An initiative deleted between the two reads is left out of the page rather than shown empty.
        return new InitiativePage([.. ids.Where(rows.ContainsKey).Select(id => rows[id])], keys.Count, page, pageSize);
    }

    // One page without the total, for views that show no page count (the dashboard): counting every match
    // costs a scan of the initiatives the page itself does not need.
    public static async Task<List<InitiativeListItem>> ItemsAsync(WorkstreamsDbContext db, InitiativeFilter filter, CancellationToken cancellationToken, DateTimeOffset? now = null) =>
        await PageAsync(db, await InitiativeTextSearch.CandidatesAsync(db, filter.Q, cancellationToken), filter, now, cancellationToken);

    // initiatives: those the text may be in (InitiativeTextSearch), which Apply then tests.
    private static async Task<List<InitiativeListItem>> PageAsync(
        WorkstreamsDbContext db, IQueryable<Initiative> initiatives, InitiativeFilter filter, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        var (page, pageSize) = PageOf(filter);
        if (Listed(db, initiatives, filter, now) is { } listed)
        {
            return await ListedPageAsync(db, listed, page, pageSize, cancellationToken);
        }

        var query = Apply(initiatives, filter, now);
        var ordered = filter.OldestStatusFirst
            ? query.OrderBy(i => i.StatusConfirmedAt).ThenBy(i => i.Id)
            : query.OrderByDescending(i => i.UpdatedAt).ThenBy(i => i.Id);
        return await ordered
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(ListItem)
            .ToListAsync(cancellationToken);
    }

    // A ministry's list (owning or collaborating) newest change first, read from its listings (MinistryInitiative):
    // the count is one range of the index on (ministry, phase, last change), and the page walks it in order and stops;
    // the other filters, if any, are a check on each listing's initiative. Null for the lists it does not serve (no
    // ministry, the owner only, the oldest status first), which Apply answers from the initiatives.
    private static IQueryable<MinistryInitiative>? Listed(WorkstreamsDbContext db, IQueryable<Initiative> initiatives, InitiativeFilter filter, DateTimeOffset? now)
    {
        if (filter.MinistryId is not { } ministryId || filter.OwnedOnly == true || filter.OldestStatusFirst)
        {
            return null;
        }

        var listed = db.MinistryInitiatives.AsNoTracking().Where(l => l.MinistryId == ministryId);
        if (filter.Phase is { } phase)
        {
            listed = listed.Where(l => l.Phase == phase);
        }

        var rest = filter with { MinistryId = null, Phase = null };
        if (rest.FiltersAnything)
        {
            var matching = Apply(initiatives, rest, now);
            listed = listed.Where(l => matching.Any(i => i.Id == l.InitiativeId));
        }

        return listed;
    }

    // The page of listings first (a walk along the index that stops), then their initiatives, in one query.
    private static async Task<List<InitiativeListItem>> ListedPageAsync(WorkstreamsDbContext db, IQueryable<MinistryInitiative> listed, int page, int pageSize, CancellationToken cancellationToken) =>
        await listed.OrderByDescending(l => l.UpdatedAt).ThenBy(l => l.InitiativeId)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Join(db.Initiatives.AsNoTracking(), l => l.InitiativeId, i => i.Id, (l, i) => new { l.UpdatedAt, l.InitiativeId, Initiative = i })
            .OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.InitiativeId)
            .Select(p => new InitiativeListItem(
                p.Initiative.Id, p.Initiative.Title, p.Initiative.OwningMinistryCode, p.Initiative.Phase, p.Initiative.Progress, p.Initiative.Status,
                p.Initiative.CollaboratingMinistries.Count, p.Initiative.UpdatedAt, p.Initiative.StatusConfirmedAt, p.Initiative.Version))
            .ToListAsync(cancellationToken);

    private static (int Page, int PageSize) PageOf(InitiativeFilter filter) => (Math.Max(filter.Page, 1), Math.Clamp(filter.PageSize, 1, 200));

    // Shared with the dashboard and the exports, so every view of "the current filter" means the same rows. now: the
    // instant the status's age is counted from (the clock's), needed only with NotConfirmedForDays.
    public static IQueryable<Initiative> Apply(IQueryable<Initiative> query, InitiativeFilter filter, DateTimeOffset? now = null)
    {
        if (filter.NotConfirmedForDays is { } days)
        {
            var before = StatusAge.OlderThan(days, now ?? throw new ArgumentNullException(nameof(now), "The status's age needs the clock's now."));
            query = query.Where(i => i.StatusConfirmedAt < before);
        }

        if (filter.MinistryId is { } ministryId)
        {
            query = filter.OwnedOnly == true
                ? query.Where(i => i.OwningMinistryId == ministryId)
                : query.Where(i => i.OwningMinistryId == ministryId || i.CollaboratingMinistries.Any(m => m.MinistryId == ministryId));
        }

        if (filter.WorkstreamId is { } workstreamId)
        {
            query = query.Where(i => i.Workstreams.Any(w => w.WorkstreamId == workstreamId));
        }

        if (filter.Phase is { } phase)
        {
            query = query.Where(i => i.Phase == phase);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Tag))
        {
            var tag = filter.Tag.Trim().ToLowerInvariant();
            query = query.Where(i => i.Tags.Any(t => t.Tag == tag));
        }

        // Two queries rather than `Any() == crossSectoral`: compared with a parameter the EXISTS is no longer a
        // semi-join, and PostgreSQL hashed every collaboration (30,000 at 50,000 initiatives) for each page of the
        // dashboard's newest cross-sectoral initiatives instead of looking up the few it walks (9.5 -> 1.7 ms).
        if (filter.CrossSectoral == true)
        {
            query = query.Where(i => i.CollaboratingMinistries.Any());
        }
        else if (filter.CrossSectoral == false)
        {
            query = query.Where(i => !i.CollaboratingMinistries.Any());
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var text = filter.Q.Trim().ToLowerInvariant();
            query = query.Where(i => i.SearchText.Contains(text));
        }

        return query;
    }
}
