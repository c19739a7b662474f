using System.Security.Claims;
using Samordning.Feedback.Data;

namespace Samordning.Feedback.Register;

internal sealed record AttachmentInfo(Guid Id, string FileName, string ContentType, long Size);

internal sealed record AnswerInfo(string Question, string Text);

internal sealed record ItemDetails(
    Guid Id,
    string Reference,
    Guid? RoundId,
    Channel Channel,
    string Source,
    DateTimeOffset ReceivedAt,
    ContributorType ContributorType,
    string? OrganisationName,
    string? OrganisationNumber,
    string? ContributorName,
    string? ContributorEmail,
    Guid? MinistryId,
    string? Text,
    IReadOnlyList<AnswerInfo> Answers,
    IReadOnlyList<AttachmentInfo> Attachments,
    IReadOnlyList<Guid> WorkstreamIds,
    IReadOnlyList<string> Tags,
    Guid? HandlerPersonId,
    string? HandlerName,
    FeedbackStatus Status,
    string? Assessment,
    bool ConsentToPublish,
    bool ConsentToPublishName,
    bool Published,
    bool Exempt,
    string? ExemptionBasis,
    bool Anonymised,
    long Version,
    IReadOnlyList<Guid> InitiativeIds)
{
    // Coordinators and the contributor's own ministry see who gave the input; others only what was consented.
    public static ItemDetails From(FeedbackItem item, ClaimsPrincipal viewer)
    {
        var personal = viewer.IsInRole(Roles.Coordinator)
            || (item.MinistryId is { } ministry && viewer.MinistryId() == ministry && viewer.IsInRole(Roles.ContactPerson))
            || item.ConsentToPublishName;
        return new(
            item.Id, item.Reference, item.RoundId, item.Channel, item.Source, item.ReceivedAt, item.ContributorType,
            item.OrganisationName, item.OrganisationNumber,
            personal ? item.ContributorName : null,
            viewer.IsInRole(Roles.Coordinator) ? item.ContributorEmail : null,
            item.MinistryId, item.Text,
            [.. item.Answers.OrderBy(a => a.QuestionId).Select(a => new AnswerInfo(a.Question, a.Text))],
            [.. item.Attachments.Select(a => new AttachmentInfo(a.Id, a.FileName, a.ContentType, a.Size))],
            [.. item.Workstreams.Select(w => w.WorkstreamId)],
            [.. item.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal)],
            item.HandlerPersonId, item.HandlerName, item.Status, item.Assessment,
            item.ConsentToPublish, item.ConsentToPublishName, item.Published, item.Exempt, item.ExemptionBasis,
            item.AnonymisedAt is not null, item.Version,
            [.. item.Initiatives.Select(i => i.InitiativeId)]);
    }
}

internal static class ItemQueries
{
    // Everything but the attachments' bytes, which only the download reads.
    public static IQueryable<FeedbackItem> WithChildren(this IQueryable<FeedbackItem> items) =>
        items.Include(i => i.Answers).Include(i => i.Workstreams).Include(i => i.Initiatives).Include(i => i.Tags).Include(i => i.Attachments).AsSplitQuery();
}
