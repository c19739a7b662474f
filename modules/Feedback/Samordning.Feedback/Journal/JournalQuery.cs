using Samordning.Feedback.Data;
using Samordning.Meetings.Contracts;
using Samordning.Shared.Time;

namespace Samordning.Feedback.Journal;

// A page of the journal, newest journal number first, each entry read together with what its document says today.
internal sealed class JournalQuery(FeedbackDbContext db, IMeetingRecords meetings)
{
    // Exempt meeting documents: the minutes and presentations of a meeting that is not published are the ministry's
    // internal working documents (organinterne dokumenter).
    public const string InternalDocumentBasis = "Offl. § 14 første ledd";

    public async Task<(IReadOnlyList<JournalLine> Lines, int Total)> PageAsync(DateOnly? from, DateOnly? to, int skip, int take, CancellationToken cancellationToken)
    {
        var entries = db.JournalEntries.AsNoTracking();
        if (from is { } start)
        {
            var startsAt = DateRange.FromOsloLocal(start.ToDateTime(TimeOnly.MinValue));
            entries = entries.Where(e => e.JournalledAt >= startsAt);
        }

        if (to is { } end)
        {
            var endsAt = DateRange.FromOsloLocal(end.AddDays(1).ToDateTime(TimeOnly.MinValue));
            entries = entries.Where(e => e.JournalledAt < endsAt);
        }

        var total = await entries.CountAsync(cancellationToken);
        var page = await entries
            .OrderByDescending(e => e.Year).ThenByDescending(e => e.Sequence)
            .Skip(skip).Take(take)
            .Join(db.JournalCases, e => e.CaseId, c => c.Id, (e, c) => new { Entry = e, Case = c })
            .ToListAsync(cancellationToken);
        return ([.. await ResolveAsync([.. page.Select(p => (p.Entry, p.Case))], cancellationToken)], total);
    }

    private async Task<IEnumerable<JournalLine>> ResolveAsync(IReadOnlyList<(JournalEntry Entry, JournalCase Case)> page, CancellationToken cancellationToken)
    {
        var inputIds = page.Where(p => p.Entry.SourceKind == JournalSourceKinds.Input).Select(p => p.Entry.SourceId).ToList();
        var input = await db.Items.AsNoTracking()
            .Where(i => inputIds.Contains(i.Id))
            .Select(i => new
            {
                i.Id, i.Reference, i.RoundId, i.ReceivedAt, i.ContributorType, i.OrganisationName, i.ContributorName, i.ConsentToPublishName, i.Exempt, i.ExemptionBasis,
            })
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        var roundIds = input.Values.Where(i => i.RoundId != null).Select(i => i.RoundId!.Value).Distinct().ToList();
        var rounds = await db.Rounds.AsNoTracking().Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Title, cancellationToken);
        var meetingIds = page.Where(p => p.Entry.SourceKind != JournalSourceKinds.Input).Select(p => p.Entry.SourceId).ToList();
        var records = meetingIds.Count == 0
            ? new Dictionary<(string, Guid), MeetingRecord>()
            : (await meetings.ListAsync(meetingIds, cancellationToken)).ToDictionary(r => (JournalSourceKinds.Of(r.Kind), r.Id));

        return page.Select(p =>
        {
            var (entry, journalCase) = p;
            var info = new JournalCaseInfo(journalCase.Id, journalCase.Year, journalCase.Sequence, journalCase.Title, journalCase.OpenedAt);
            if (entry.SourceKind == JournalSourceKinds.Input)
            {
                if (!input.TryGetValue(entry.SourceId, out var item))
                {
                    return Gone(entry, info, JournalDirection.Incoming);
                }

                var round = item.RoundId is { } roundId ? rounds.GetValueOrDefault(roundId) : null;
                // A citizen writes as a private person, whatever the form's organisation field holds (often their own name).
                var privatePerson = item.ContributorType == ContributorType.Citizen;
                return new JournalLine(
                    entry.Id, entry.Year, entry.Sequence, entry.DocumentNumber, entry.JournalledAt, info, entry.SourceKind, entry.SourceId,
                    JournalDirection.Incoming,
                    round is null ? $"Innspill {item.Reference}" : $"Innspill {item.Reference} til {round}",
                    item.ReceivedAt,
                    privatePerson ? item.ContributorName ?? item.OrganisationName : item.OrganisationName ?? item.ContributorName,
                    privatePerson,
                    !privatePerson || item.ConsentToPublishName,
                    item.Exempt ? (string.IsNullOrWhiteSpace(item.ExemptionBasis) ? "Unntatt offentlighet" : item.ExemptionBasis) : null);
            }

            if (!records.TryGetValue((entry.SourceKind, entry.SourceId), out var record))
            {
                return Gone(entry, info, JournalDirection.Internal);
            }

            return new JournalLine(
                entry.Id, entry.Year, entry.Sequence, entry.DocumentNumber, entry.JournalledAt, info, entry.SourceKind, entry.SourceId,
                JournalDirection.Internal,
                record.Kind == MeetingRecordKind.Minutes ? $"Referat: {record.MeetingTitle}" : $"Presentasjon: {record.Title} ({record.MeetingTitle})",
                record.DocumentDate,
                record.OrganisingMinistryCode,
                PartyIsPrivatePerson: false,
                PartyNamePublic: true,
                record.IsPublic ? null : InternalDocumentBasis);
        });
    }

    // The document was erased (the contributor's right to erasure) or its meeting removed: the numbers stay, as a
    // journal never reuses them, and nothing of the document is left to show.
    private static JournalLine Gone(JournalEntry entry, JournalCaseInfo info, JournalDirection direction) =>
        new(entry.Id, entry.Year, entry.Sequence, entry.DocumentNumber, entry.JournalledAt, info, entry.SourceKind, entry.SourceId,
            direction, "Dokumentet er slettet", null, null, false, false, null);
}
