namespace Samordning.Meetings.Contracts;

/// <summary>What kind of meeting document a journal entry is.</summary>
public enum MeetingRecordKind
{
    /// <summary>The minutes of a closed meeting; its id is the meeting's.</summary>
    Minutes,

    /// <summary>An uploaded presentation; its id is the material's.</summary>
    Presentation,
}

/// <summary>A meeting document the ministry's journal records.</summary>
/// <param name="Kind">Minutes or presentation.</param>
/// <param name="Id">The meeting's id for minutes, the material's id for a presentation.</param>
/// <param name="MeetingId">The meeting the document belongs to (one case per meeting in the journal).</param>
/// <param name="MeetingTitle">The meeting's title.</param>
/// <param name="MeetingStartsAt">When the meeting starts (UTC), which dates its case.</param>
/// <param name="Title">The document's own title (the presentation's; for minutes the meeting's).</param>
/// <param name="DocumentDate">The document's date: when the meeting ended for minutes, the upload for a presentation.</param>
/// <param name="OrganisingMinistryCode">The ministry that holds the meeting, the document's internal sender.</param>
/// <param name="IsPublic">Whether the public may read it today: the meeting is published (and, for minutes, its minutes).</param>
public sealed record MeetingRecord(
    MeetingRecordKind Kind,
    Guid Id,
    Guid MeetingId,
    string MeetingTitle,
    DateTimeOffset MeetingStartsAt,
    string Title,
    DateTimeOffset DocumentDate,
    string OrganisingMinistryCode,
    bool IsPublic);

/// <summary>The meeting documents a journal records, for the register's journal (Feedback module).</summary>
public interface IMeetingRecords
{
    /// <summary>
    /// Every journal-worthy document: the minutes of each closed meeting and each uploaded presentation of a meeting
    /// that was not cancelled. With <paramref name="ids"/>, only the documents with those ids (either kind).
    /// </summary>
    Task<IReadOnlyList<MeetingRecord>> ListAsync(IReadOnlyCollection<Guid>? ids, CancellationToken cancellationToken);
}
