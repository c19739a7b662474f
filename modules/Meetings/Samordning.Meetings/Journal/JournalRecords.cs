using Samordning.Meetings.Contracts;
using Samordning.Meetings.Data;

namespace Samordning.Meetings.Journal;

// The meetings' side of the journal (found by the host's scan as the IMeetingRecords contract): minutes once a
// meeting is closed, and uploaded presentations (a recording is a link, not a document the ministry holds).
internal sealed class JournalRecords(MeetingsDbContext db) : IMeetingRecords
{
    public async Task<IReadOnlyList<MeetingRecord>> ListAsync(IReadOnlyCollection<Guid>? ids, CancellationToken cancellationToken)
    {
        var wanted = ids?.ToList();
        var minutes = db.Meetings.AsNoTracking().Where(m => m.Status == MeetingStatus.Closed);
        if (wanted is not null)
        {
            minutes = minutes.Where(m => wanted.Contains(m.Id));
        }

        var records = await minutes
            .Select(m => new MeetingRecord(
                MeetingRecordKind.Minutes, m.Id, m.Id, m.Title, m.StartsAt, m.Title, m.EndsAt, m.OrganisingMinistryCode, m.Published && m.MinutesPublished))
            .ToListAsync(cancellationToken);

        var presentations = db.Materials.AsNoTracking().Where(p => p.Kind == MaterialKind.Presentation && p.FileName != null);
        if (wanted is not null)
        {
            presentations = presentations.Where(p => wanted.Contains(p.Id));
        }

        records.AddRange(await presentations
            .Join(db.Meetings.Where(m => m.Status != MeetingStatus.Cancelled), p => p.MeetingId, m => m.Id, (p, m) => new MeetingRecord(
                MeetingRecordKind.Presentation, p.Id, m.Id, m.Title, m.StartsAt, p.Title, p.AddedAt, m.OrganisingMinistryCode, m.Published))
            .ToListAsync(cancellationToken));
        return records;
    }
}
