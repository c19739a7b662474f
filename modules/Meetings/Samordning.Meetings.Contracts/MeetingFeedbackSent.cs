using Samordning.Shared.Events;

namespace Samordning.Meetings.Contracts;

/// <summary>
/// A facilitator sent a feedback entry from a meeting to the feedback register. Published after the Meetings
/// module has stored the entry; the Feedback module records it as input with channel "meeting". Handlers must be
/// idempotent on <paramref name="EntryId"/>: the Meetings module re-publishes entries whose receipt it has not
/// seen confirmed.
/// </summary>
/// <param name="EntryId">The meeting entry's id; the register's key for it, so a re-sent entry is stored once.</param>
/// <param name="MeetingId">The meeting the feedback was given in.</param>
/// <param name="MeetingTitle">The meeting's title when the entry was sent, for display.</param>
/// <param name="MeetingKind">The kind of meeting, for example <c>Dialogue</c> or <c>OneToOne</c>.</param>
/// <param name="GivenAt">When the feedback was given, in UTC.</param>
/// <param name="Text">The feedback as written in the meeting (Markdown source, unrendered).</param>
/// <param name="OrganisationName">The organisation the feedback came from, when known.</param>
/// <param name="OrganisationNumber">Its organisation number, when known (already MOD11-validated).</param>
/// <param name="ContributorPersonId">The person in the registry who gave it, when it was a registered person.</param>
/// <param name="WorkstreamIds">Workstreams the meeting is linked to.</param>
/// <param name="SentByPersonId">The facilitator who sent it.</param>
public sealed record MeetingFeedbackSent(
    Guid EntryId,
    Guid MeetingId,
    string MeetingTitle,
    string MeetingKind,
    DateTimeOffset GivenAt,
    string Text,
    string? OrganisationName,
    string? OrganisationNumber,
    Guid? ContributorPersonId,
    IReadOnlyList<Guid> WorkstreamIds,
    Guid SentByPersonId) : IEvent;
