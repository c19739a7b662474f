using System.Security.Claims;
using Samordning.Feedback.Data;
using Samordning.Shared.Search;
using Samordning.Workstreams.Contracts;

namespace Samordning.Feedback.Register;

internal sealed record ItemFilter(Guid? RoundId, FeedbackStatus? Status, Channel? Channel, Guid? WorkstreamId, string? Tag, string? Search, int Page = 1);

// How far a search counts (SearchCap), up to how many candidates it reads alone (FewCandidates), up to how many a walk
// on SQLite checks against as a set (WalkedCandidates), and how many of the newest rows per hit of the cap PostgreSQL
// tests before it asks the index (ProbedRowsPerHit); see ListItems.
internal sealed record SearchLimits(int SearchCap, int FewCandidates, int WalkedCandidates, int ProbedRowsPerHit);

// One page of the register and how many items the filter matches in all: a long register is paged, never cut off.
// A search counts its hits only up to a cap (ListItems.SearchCap, at least one past the page): past it the total
// is the cap and TotalIsAtLeast says there are more, so the pager still offers the next page.
internal sealed record ItemPage(IReadOnlyList<ItemSummary> Items, int Total, int Page, int PageSize, bool TotalIsAtLeast = false);

internal sealed record ItemSummary(
    Guid Id, string Reference, Guid? RoundId, Channel Channel, string Source, DateTimeOffset ReceivedAt, ContributorType ContributorType,
    string? OrganisationName, FeedbackStatus Status, string? HandlerName, bool Published, bool Exempt, IReadOnlyList<Guid> WorkstreamIds);

internal sealed class ListItems : IEndpoint
{
    public const int PageSize = 100;

    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapGet("/feedback/items", async Task<Results<Ok<ItemPage>, ValidationProblem>> ([AsParameters] ItemFilter filter, FeedbackDbContext db, IWorkstreamDirectory workstreams, ClaimsPrincipal user, CancellationToken ct) =>
                await CheckFilterAsync(workstreams, filter, ct) is { Any: true } errors
                    ? Problems.Validation(errors)
                    : TypedResults.Ok(await ListAsync(db, user, filter, ct)))
            .WithTags("Feedback register")
            .WithSummary("The register, newest first, as the person may see it (coordinators everything, contact persons their ministry's input, observers what is not exempt), a page of 100 at a time with the total. A search counts its hits up to 300 (or one past the page asked for, if further): past that the total is that number and totalIsAtLeast is true.");

        api.MapGet("/feedback/items/{id:guid}", async Task<Results<Ok<ItemDetails>, ProblemHttpResult>> (Guid id, FeedbackDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
                await GetAsync(db, user, id, ct) is { } item ? TypedResults.Ok(item) : Problems.NotFound())
            .WithTags("Feedback register")
            .WithSummary("One item of the register.");

        api.MapGet("/feedback/items/{id:guid}/attachments/{attachmentId:guid}", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, Guid attachmentId, FeedbackDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
                await GetAttachmentAsync(db, db.Items.Visible(user), id, attachmentId, ct) is { } file ? file : Problems.NotFound())
            .WithTags("Feedback register")
            .WithSummary("Downloads an attachment of an item the person may see.");
    }

    // A search counts its hits up to this many (or one past the page asked for): the page and two more. Past it the
    // register says "over 300, narrow the search" and still offers the next page; an exact count of a common word's
    // 71,000 hits, or even of 1,000 of them, reads rows for a number nobody pages to (issue 19, docs/decisions.md).
    public const int SearchCap = 300;

    // At most this many candidates from the full-text index are tested and counted exactly: cheap, however far apart
    // in time they are. More, and the search walks the register newest first instead and stops at the cap.
    public const int FewCandidates = 2_000;

    // On SQLite a walk checks each row it passes against a set of the index's candidates while they are at most this
    // many (a few milliseconds to build). More, and it tests the text of each row it passes instead, which costs in
    // proportion to the cap, not to the candidates: at 71,000 candidates building their set costs more than testing
    // the 4,200 newest rows that hold the cap's hits (docs/benchmarks.md).
    public const int WalkedCandidates = 20_000;

    // On PostgreSQL a search first tests this many of the newest rows per hit of the cap (NewestHitsAsync): enough for
    // a word in one text in twenty or more, which is where counting the index's candidates costs most.
    public const int ProbedRowsPerHit = 20;

    public static Task<ItemPage> ListAsync(FeedbackDbContext db, ClaimsPrincipal user, ItemFilter filter, CancellationToken cancellationToken) =>
        ListAsync(db, user, filter, new SearchLimits(SearchCap, FewCandidates, WalkedCandidates, ProbedRowsPerHit), cancellationToken);

    // The limits are parameters so a test can cross them with a few items.
    internal static async Task<ItemPage> ListAsync(
        FeedbackDbContext db, ClaimsPrincipal user, ItemFilter filter, SearchLimits limits, CancellationToken cancellationToken)
    {
        // A page past the end is empty, not an error; a huge page number must not overflow the offset.
        var page = Math.Clamp(filter.Page, 1, int.MaxValue / PageSize);
        if (string.IsNullOrWhiteSpace(filter.Search))
        {
            var matching = Matching(db, user, filter);
            var total = await matching.CountAsync(cancellationToken);
            var list = await Summaries(NewestFirst(matching).Skip((page - 1) * PageSize).Take(PageSize))
                .ToListAsync(cancellationToken);
            return new ItemPage(list, total, page, PageSize);
        }

        // Few candidates from the index (the searched text is rare): the walk below reads only them, by id, and sorts
        // them. Many, or none the index can name: it walks the items the person may see newest first on the
        // (ReceivedAt, Id) index (or the round's) and tests each, on SQLite against the candidates' set while that is
        // small. Either way it stops one past the cap, so the work is bounded by the candidates or by how far back the
        // cap's hits reach, not by the size of the register. On PostgreSQL, where counting the candidates costs in
        // proportion to all of them, the newest rows are tested first, and a common word needs nothing more.
        // Every page that exists can be reached: the cap is at least one past the page asked for.
        var cap = (int)Math.Min(int.MaxValue - 1, Math.Max(limits.SearchCap, ((long)page * PageSize) + 1));
        var source = db.Items.AsNoTracking();
        var conditions = IndexConditions(db, filter.Search);
        var hits = db.Database.IsNpgsql() && conditions is not null ? await NewestHitsAsync(db, user, filter, cap, limits, cancellationToken) : null;
        if (hits is null && conditions is not null)
        {
            // Counted from the index alone (on SQLite no row is read), as far as the choice needs.
            var countTo = db.Database.IsSqlite() ? Math.Max(limits.FewCandidates, limits.WalkedCandidates) : limits.FewCandidates;
            var candidates = await SearchMatch.CountCandidatesAsync<FeedbackItem>(db, conditions, countTo + 1, cancellationToken);
            source = candidates <= limits.FewCandidates ? SearchMatch.Candidates<FeedbackItem>(db, conditions).AsNoTracking()
                : db.Database.IsSqlite() && candidates <= limits.WalkedCandidates ? SearchMatch.Candidates<FeedbackItem>(db, conditions, asFilter: true).AsNoTracking()
                : source;
        }

        hits ??= await NewestFirst(Apply(source.Visible(user), filter))
            .Select(i => i.Id)
            .Take(cap + 1)
            .ToListAsync(cancellationToken);
        var pageIds = hits.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        var rows = pageIds.Count == 0 ? [] : await Summaries(db.Items.AsNoTracking().Where(i => pageIds.Contains(i.Id))).ToListAsync(cancellationToken);
        var items = rows.OrderBy(r => pageIds.IndexOf(r.Id)).ToList();
        return hits.Count > cap ? new ItemPage(items, cap, page, PageSize, TotalIsAtLeast: true) : new ItemPage(items, hits.Count, page, PageSize);
    }

    // On PostgreSQL a search first tests the newest rows the filter keeps, up to ProbedRowsPerHit per hit of the cap:
    // a common word's cap of hits is among them (4,200 rows for the benchmark's word, in one text in fourteen), and
    // testing them costs less than counting the index's candidates, whose bitmap holds every one of them before the
    // count's limit applies (71,000 at 1,000,000 items: 15-90 ms). The hits, newest first, when more than the cap are
    // among them (then they are the cap's newest hits of all); null when not, and the index decides.
    private static async Task<List<Guid>?> NewestHitsAsync(FeedbackDbContext db, ClaimsPrincipal user, ItemFilter filter, int cap, SearchLimits limits, CancellationToken cancellationToken)
    {
        var rows = (int)Math.Min(int.MaxValue, (long)cap * limits.ProbedRowsPerHit);
        var newest = NewestFirst(Apply(db.Items.AsNoTracking().Visible(user), filter with { Search = null })).Take(rows);
        var hits = await NewestFirst(Searched(newest, filter.Search!))
            .Select(i => i.Id)
            .Take(cap + 1)
            .ToListAsync(cancellationToken);
        return hits.Count > cap ? hits : null;
    }

    // The register's order: newest first, then by id (the (ReceivedAt DESC, Id) index).
    private static IOrderedQueryable<FeedbackItem> NewestFirst(IQueryable<FeedbackItem> items) =>
        items.OrderByDescending(i => i.ReceivedAt).ThenBy(i => i.Id);

    private static IQueryable<ItemSummary> Summaries(IQueryable<FeedbackItem> items) =>
        items.Select(i => new ItemSummary(
            i.Id, i.Reference, i.RoundId, i.Channel, i.Source, i.ReceivedAt, i.ContributorType, i.OrganisationName, i.Status, i.HandlerName, i.Published, i.Exempt,
            i.Workstreams.Select(w => w.WorkstreamId).ToList()));

    // A filter on a workstream that does not exist is a mistake to point out, not an empty register.
    public static async Task<FieldErrors> CheckFilterAsync(IWorkstreamDirectory workstreams, ItemFilter filter, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (filter.WorkstreamId is { } id)
        {
            await WorkstreamChoices.CheckAsync(workstreams, [id], errors, nameof(filter.WorkstreamId), cancellationToken);
        }

        return errors;
    }

    // The items of the register the person may see that the filter keeps.
    public static IQueryable<FeedbackItem> Matching(FeedbackDbContext db, ClaimsPrincipal user, ItemFilter filter) =>
        Apply(Candidates(db, filter.Search).AsNoTracking().Visible(user), filter);

    // The items a search can find, from the full-text index the site search keeps (SearchMatch.Candidates): those
    // whose index holds what any text that holds the searched text as it is must leave in it
    // (NorwegianText.SubstringTerms), or whose title holds the reference's terms. That is every item the search
    // below finds, and more, never fewer, so the answer is the search's own, from the index's hits instead of from
    // every item's text. A search with nothing the index can look up (two letters, or a piece of a word that an
    // inflection ending could hold, like "gene" in "hagene") reads every item, as on SQL Server, which has no index.
    internal static IQueryable<FeedbackItem> Candidates(FeedbackDbContext db, string? search) =>
        string.IsNullOrWhiteSpace(search) ? db.Items : IndexCandidates(db, search) ?? db.Items;

    // The candidates the index can name, or null when the search has nothing it can look up.
    private static IQueryable<FeedbackItem>? IndexCandidates(FeedbackDbContext db, string search) =>
        IndexConditions(db, search) is { } conditions ? SearchMatch.Candidates<FeedbackItem>(db, conditions) : null;

    // What the index is asked for a search: the terms any text holding it leaves in the readable fields, or the
    // reference's terms in the title; null when either has none the index looks up.
    private static IReadOnlyList<SearchCondition>? IndexConditions(FeedbackDbContext db, string search)
    {
        var text = search.Trim();
        var inText = NorwegianText.SubstringTerms(text).Where(t => SearchMatch.UsesFullText(db, t)).ToList();
        var inReference = NorwegianText.Terms(text.ToUpperInvariant()).Where(t => SearchMatch.UsesFullText(db, t)).ToList();
        return inText.Count > 0 && inReference.Count > 0 ? [new(inText, SearchSection.Readable), new(inReference, SearchSection.Title)] : null;
    }

    private static IQueryable<FeedbackItem> Apply(IQueryable<FeedbackItem> items, ItemFilter filter)
    {
        if (filter.RoundId is { } round)
        {
            items = items.Where(i => i.RoundId == round);
        }

        if (filter.Status is { } status)
        {
            items = items.Where(i => i.Status == status);
        }

        if (filter.Channel is { } channel)
        {
            items = items.Where(i => i.Channel == channel);
        }

        if (filter.WorkstreamId is { } workstream)
        {
            items = items.Where(i => i.Workstreams.Any(w => w.WorkstreamId == workstream));
        }

        if (!string.IsNullOrWhiteSpace(filter.Tag))
        {
            var tag = filter.Tag.Trim().ToLowerInvariant();
            items = items.Where(i => i.Tags.Any(t => t.Tag == tag));
        }

        return string.IsNullOrWhiteSpace(filter.Search) ? items : Searched(items, filter.Search);
    }

    // The items whose reference is the searched text in capitals, or whose organisation or text holds it.
    private static IQueryable<FeedbackItem> Searched(IQueryable<FeedbackItem> items, string searched)
    {
        var search = searched.Trim();
        var reference = search.ToUpperInvariant();
        return items.Where(i => i.Reference == reference
            || (i.OrganisationName != null && i.OrganisationName.Contains(search))
            || (i.Text != null && i.Text.Contains(search)));
    }

    public static async Task<ItemDetails?> GetAsync(FeedbackDbContext db, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken) =>
        await db.Items.AsNoTracking().Visible(user).WithChildren().FirstOrDefaultAsync(i => i.Id == id, cancellationToken) is { } item
            ? ItemDetails.From(item, user)
            : null;

    // Served as a download, never inline: the browser does not render what a contributor uploaded.
    public static async Task<FileContentHttpResult?> GetAttachmentAsync(
        FeedbackDbContext db, IQueryable<FeedbackItem> visible, Guid id, Guid attachmentId, CancellationToken cancellationToken)
    {
        if (!await visible.AnyAsync(i => i.Id == id, cancellationToken))
        {
            return null;
        }

        var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.ItemId == id, cancellationToken);
        return attachment is null ? null : TypedResults.File(attachment.Content, attachment.ContentType, attachment.FileName);
    }
}
