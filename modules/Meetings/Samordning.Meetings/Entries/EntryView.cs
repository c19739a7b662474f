using Samordning.Meetings.Data;

namespace Samordning.Meetings.Entries;

// An entry as the API, the live topic and the pages see it. Text is the Markdown source: every page encodes it.
internal sealed record EntryView(
    Guid Id,
    Guid MeetingId,
    Guid? AgendaItemId,
    EntryKind Kind,
    string Text,
    Guid? OwnerPersonId,
    string? OwnerName,
    DateOnly? DueDate,
    ActionStatus? ActionStatus,
    string? OrganisationName,
    string? OrganisationNumber,
    bool Withdrawn,
    string AuthorName,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SentToFeedbackAt,
    long Version,
    DateTimeOffset? FeedbackReceivedAt = null,
    Guid? WorkstreamId = null,
    Guid? InitiativeId = null)
{
    public static EntryView From(MeetingEntry e) => new(
        e.Id, e.MeetingId, e.AgendaItemId, e.Kind, e.Text, e.OwnerPersonId, e.OwnerName, e.DueDate, e.ActionStatus,
        e.OrganisationName, e.OrganisationNumber, e.Withdrawn, e.AuthorName, e.CreatedAt, e.UpdatedAt, e.SentToFeedbackAt, e.Version, e.FeedbackReceivedAt, e.WorkstreamId, e.InitiativeId);
}
