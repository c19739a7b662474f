using Samordning.Feedback.Data;
using Samordning.Notifications.Contracts;
using Samordning.Shared.Time;

namespace Samordning.Feedback.Privacy;

internal sealed record ContributorRequest(string? Email);

internal sealed record ContributorExport(string Email, IReadOnlyList<ContributorItem> Items);

internal sealed record ContributorItem(
    string Reference, Guid? RoundId, DateTimeOffset ReceivedAt, string? Name, string? OrganisationName, string? OrganisationNumber,
    string? Text, IReadOnlyList<Register.AnswerInfo> Answers, IReadOnlyList<string> Attachments, bool ConsentToPublish, bool ConsentToPublishName);

internal sealed record ErasureResult(string Email, int Items);

// A contributor's right of access and erasure (GDPR art. 15 and 17), carried out by a coordinator on request.
// Erasure removes the personal data and the text, which may name the person; the item stays as a counted,
// anonymous record so the register's numbers do not change behind the writers' backs.
internal sealed class ContributorData : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapPost("/feedback/contributors/export", async Task<Results<Ok<ContributorExport>, ValidationProblem>> (ContributorRequest request, FeedbackDbContext db, CancellationToken ct) =>
                Validate(request) is { Any: true } errors ? Problems.Validation(errors) : TypedResults.Ok(await ExportAsync(db, request.Email!, ct)))
            .RequireAuthorization(Policies.Coordinator)
            .WithTags("Privacy")
            .WithSummary("Everything the register holds about one contributor, by e-mail address, as JSON (coordinators).");

        api.MapPost("/feedback/contributors/erase", async Task<Results<Ok<ErasureResult>, ValidationProblem>> (ContributorRequest request, FeedbackDbContext db, IMailErasure mail, IClock clock, CancellationToken ct) =>
                Validate(request) is { Any: true } errors ? Problems.Validation(errors) : TypedResults.Ok(await EraseAsync(db, mail, clock, request.Email!, ct)))
            .RequireAuthorization(Policies.Coordinator)
            .WithTags("Privacy")
            .WithSummary("Erases one contributor's personal data, input text and attachments (coordinators).");
    }

    private static FieldErrors Validate(ContributorRequest request) =>
        new FieldErrors().Email(nameof(request.Email), request.Email, new("E-post", "E-mail"), required: true);

    public static async Task<ContributorExport> ExportAsync(FeedbackDbContext db, string email, CancellationToken cancellationToken)
    {
        var items = await Matching(db, email).AsNoTracking()
            .Include(i => i.Answers)
            .Select(i => new ContributorItem(
                i.Reference, i.RoundId, i.ReceivedAt, i.ContributorName, i.OrganisationName, i.OrganisationNumber, i.Text,
                i.Answers.Select(a => new Register.AnswerInfo(a.Question, a.Text)).ToList(),
                i.Attachments.Select(a => a.FileName).ToList(),
                i.ConsentToPublish, i.ConsentToPublishName))
            .ToListAsync(cancellationToken);
        return new(email.Trim(), items);
    }

    public static async Task<ErasureResult> EraseAsync(FeedbackDbContext db, IMailErasure mail, IClock clock, string email, CancellationToken cancellationToken)
    {
        var items = await Matching(db, email).Include(i => i.Answers).Include(i => i.Attachments).ToListAsync(cancellationToken);
        await Contributors.ForgetAsync(db, mail, items, clock.UtcNow, cancellationToken);
        foreach (var item in items)
        {
            item.Text = null;
            item.Published = false;
            item.Answers.Clear();
            item.Attachments.Clear();
        }

        // KMD's response summarises what the contributor proposed: it leaves the public pages with the input.
        var ids = items.Select(i => i.Id).ToList();
        foreach (var response in await db.Responses.Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken))
        {
            response.Published = false;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new(email.Trim(), items.Count);
    }

    // Addresses are stored lower-cased (Contributors.NormaliseEmail), so one comparison finds them all.
    private static IQueryable<FeedbackItem> Matching(FeedbackDbContext db, string email)
    {
        var normalised = Contributors.NormaliseEmail(email);
        return db.Items.Where(i => i.ContributorEmail == normalised);
    }
}
