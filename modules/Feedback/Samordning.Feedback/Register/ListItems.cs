using System.Security.Claims;
using Samordning.Feedback.Data;
using Samordning.Shared.Search;
using Samordning.Workstreams.Contracts;

namespace Samordning.Feedback.Register;

internal sealed record ItemFilter(Guid? RoundId, FeedbackStatus? Status, Channel? Channel, Guid? WorkstreamId, string? Tag, string? Search, int Page = 1);

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
            .WithSummary("The register, newest first, as the person may see it (coordinators everything, contact persons their ministry's input, observers what is not exempt), a page of 100 at a time with the total. A search counts its hits up to 1,000 (or one past the page asked for, if further): past that the total is that number and totalIsAtLeast is true.");

        api.MapGet("/feedback/items/{id:guid}", async Task<Results<Ok<ItemDetails>, ProblemHttpResult>> (Guid id, FeedbackDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
                await GetAsync(db, user, id, ct) is { } item ? TypedResults.Ok(item) : Problems.NotFound())
            .WithTags("Feedback register")
            .WithSummary("One item of the register.");

        api.MapGet("/feedback/items/{id:guid}/attachments/{attachmentId:guid}", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, Guid attachmentId, FeedbackDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
                await GetAttachmentAsync(db, db.Items.Visible(user), id, attachmentId, ct) is { } file ? file : Problems.NotFound())
            .WithTags("Feedback register")
            .WithSummary("Downloads an attachment of an item the person may see.");
    }

    // A search counts its hits up to this many (or one past the page asked for): a mature register says "over 1 000,
    // narrow the search" rather than read 71,000 texts to show 100 of them (issue 19).
    public const int SearchCap = 1_000;

    // At most this many candidates from the full-text index are tested and counted exactly: cheap, however far apart
    // in time they are. More, and the search walks the register newest first instead and stops at the cap.
    public const int FewCandidates = 2_000;

    public static Task<ItemPage> ListAsync(FeedbackDbContext db, ClaimsPrincipal user, ItemFilter filter, CancellationToken cancellationToken) =>
        ListAsync(db, user, filter, SearchCap, FewCandidates, cancellationToken);

    // The caps are parameters so a test can cross them with a few items.
    internal static async Task<ItemPage> ListAsync(
        FeedbackDbContext db, ClaimsPrincipal user, ItemFilter filter, int searchCap, int fewCandidates, CancellationToken cancellationToken)
    {
        // A page past the end is empty, not an error; a huge page number must not overflow the offset.
        var page = Math.Clamp(filter.Page, 1, int.MaxValue / PageSize);
        if (string.IsNullOrWhiteSpace(filter.Search))
        {
            var matching = Matching(db, user, filter);
            var total = await matching.CountAsync(cancellationToken);
            var list = await Summaries(matching.OrderByDescending(i => i.ReceivedAt).ThenBy(i => i.Id).Skip((page - 1) * PageSize).Take(PageSize))
                .ToListAsync(cancellationToken);
            return new ItemPage(list, total, page, PageSize);
        }

        // Few candidates from the index (the searched text is rare): the walk below reads only them, by id, and sorts
        // them. Many, or none the index can name: it walks the items the person may see newest first on the
        // (ReceivedAt, Id) index (or the round's) and tests each. Either way it stops one past the cap, so the work is
        // bounded by the candidates or by how far back the cap's hits reach, not by the size of the register.
        var source = db.Items.AsNoTracking();
        if (IndexCandidates(db, filter.Search) is { } fromIndex)
        {
            // Counted in the database, and then asked again as a subquery: their ids sent back as up to 2,000
            // parameters cost more to prepare than the index costs to read twice.
            var few = await fromIndex.Take(fewCandidates + 1).CountAsync(cancellationToken) <= fewCandidates;
            source = few ? fromIndex.AsNoTracking() : WalkedCandidates(db, filter.Search) ?? source;
        }

        // Every page that exists can be reached: the cap is at least one past the page asked for.
        var cap = (int)Math.Min(int.MaxValue - 1, Math.Max(searchCap, ((long)page * PageSize) + 1));
        var hits = await Apply(source.Visible(user), filter)
            .OrderByDescending(i => i.ReceivedAt).ThenBy(i => i.Id)
            .Select(i => i.Id)
            .Take(cap + 1)
            .ToListAsync(cancellationToken);
        var pageIds = hits.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        var rows = pageIds.Count == 0 ? [] : await Summaries(db.Items.AsNoTracking().Where(i => pageIds.Contains(i.Id))).ToListAsync(cancellationToken);
        var items = rows.OrderBy(r => pageIds.IndexOf(r.Id)).ToList();
        return hits.Count > cap ? new ItemPage(items, cap, page, PageSize, TotalIsAtLeast: true) : new ItemPage(items, hits.Count, page, PageSize);
    }

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

    // On SQLite the walk keeps only the index's candidates, so it reads the text of about as many rows as it finds
    // (the FTS5 rowids are a set built once, from the index alone), not of every row it passes; as a filter, so the
    // planner walks the date index instead of reading every candidate and sorting them (the cost the cap removes).
    // On PostgreSQL the candidates' ids would need every candidate's row read from the heap, which costs more than
    // testing the walked rows' text, so the walk tests every row (null).
    private static IQueryable<FeedbackItem>? WalkedCandidates(FeedbackDbContext db, string search) =>
        db.Database.IsSqlite() && IndexConditions(db, search) is { } conditions ? SearchMatch.Candidates<FeedbackItem>(db, conditions, asFilter: true) : null;

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

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var search = filter.Search.Trim();
            var reference = search.ToUpperInvariant();
            items = items.Where(i => i.Reference == reference
                || (i.OrganisationName != null && i.OrganisationName.Contains(search))
                || (i.Text != null && i.Text.Contains(search)));
        }

        return items;
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
