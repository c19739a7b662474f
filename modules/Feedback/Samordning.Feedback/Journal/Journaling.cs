using System.Globalization;
using Microsoft.Extensions.Logging;
using Samordning.Feedback.Data;
using Samordning.Meetings.Contracts;
using Samordning.Shared.Time;

namespace Samordning.Feedback.Journal;

// Gives every document not yet journalled its numbers: the case (one per round, per year of input outside rounds, per
// meeting), the document's number within the case, and the running journal number of the year, in the order the
// documents arrived. Numbers are given once and kept. Two runs at once (two nodes, or the job and a coordinator's
// click) collide on the unique indexes; the loser reads again and numbers what is still left.
internal sealed partial class Journaling(FeedbackDbContext db, IMeetingRecords meetings, IClock clock, ILogger<Journaling> logger)
{
    private const int BatchSize = 2_000;
    private const int MaxCollisions = 5;

    public async Task<int> JournalPendingAsync(CancellationToken cancellationToken)
    {
        var journalled = 0;
        var collisions = 0;
        while (true)
        {
            var pending = await PendingAsync(cancellationToken);
            if (pending.Count == 0)
            {
                return journalled;
            }

            try
            {
                await NumberAsync(pending, cancellationToken);
                journalled += pending.Count;
            }
            catch (DbUpdateException exception) when (++collisions <= MaxCollisions)
            {
                LogCollision(logger, exception);
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<List<PendingDocument>> PendingAsync(CancellationToken cancellationToken)
    {
        var journalledInput = db.JournalEntries.Where(e => e.SourceKind == JournalSourceKinds.Input).Select(e => e.SourceId);
        var input = await db.Items.AsNoTracking()
            .Where(i => !journalledInput.Contains(i.Id))
            .OrderBy(i => i.ReceivedAt).ThenBy(i => i.Id)
            .Take(BatchSize)
            .Select(i => new { i.Id, i.RoundId, i.ReceivedAt })
            .ToListAsync(cancellationToken);
        var roundIds = input.Where(i => i.RoundId != null).Select(i => i.RoundId!.Value).Distinct().ToList();
        var rounds = await db.Rounds.AsNoTracking().Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Title, cancellationToken);

        var pending = input.Select(i => i.RoundId is { } round
                ? new PendingDocument(JournalSourceKinds.Input, i.Id, i.ReceivedAt, $"round:{round}", $"Innspill: {rounds.GetValueOrDefault(round, "?")}")
                : new PendingDocument(JournalSourceKinds.Input, i.Id, i.ReceivedAt, $"input:{Oslo.DateOf(i.ReceivedAt).Year}", $"Innspill utenom innspillsrunder {Oslo.DateOf(i.ReceivedAt).Year}"))
            .ToList();

        var journalledMeetingDocuments = (await db.JournalEntries.AsNoTracking()
                .Where(e => e.SourceKind != JournalSourceKinds.Input)
                .Select(e => e.SourceId)
                .ToListAsync(cancellationToken))
            .ToHashSet();
        pending.AddRange((await meetings.ListAsync(null, cancellationToken))
            .Where(r => !journalledMeetingDocuments.Contains(r.Id))
            .Select(r => new PendingDocument(
                JournalSourceKinds.Of(r.Kind),
                r.Id,
                r.DocumentDate,
                $"meeting:{r.MeetingId}",
                $"Møte: {r.MeetingTitle} ({Oslo.DateOf(r.MeetingStartsAt).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)})")));

        return [.. pending.OrderBy(p => p.DocumentDate).ThenBy(p => p.Id).Take(BatchSize)];
    }

    private async Task NumberAsync(IReadOnlyList<PendingDocument> pending, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var year = Oslo.DateOf(now).Year;
        var keys = pending.Select(p => p.CaseKey).Distinct().ToList();
        var cases = await db.JournalCases.Where(c => keys.Contains(c.Key)).ToDictionaryAsync(c => c.Key, cancellationToken);
        var caseIds = cases.Values.Select(c => c.Id).ToList();
        var lastDocument = await db.JournalEntries.Where(e => caseIds.Contains(e.CaseId))
            .GroupBy(e => e.CaseId)
            .Select(g => new { CaseId = g.Key, Last = g.Max(e => e.DocumentNumber) })
            .ToDictionaryAsync(g => g.CaseId, g => g.Last, cancellationToken);
        var lastCase = await db.JournalCases.Where(c => c.Year == year).MaxAsync(c => (int?)c.Sequence, cancellationToken) ?? 0;
        var lastEntry = await db.JournalEntries.Where(e => e.Year == year).MaxAsync(e => (int?)e.Sequence, cancellationToken) ?? 0;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var newKey in keys.Where(k => !cases.ContainsKey(k)))
        {
            var first = pending.First(p => p.CaseKey == newKey);
            var opened = new JournalCase { Key = newKey, Year = year, Sequence = ++lastCase, Title = Limit(first.CaseTitle, 300), OpenedAt = now };
            db.JournalCases.Add(opened);
            cases[newKey] = opened;
        }

        // The new cases need their ids before their entries can point at them.
        await db.SaveChangesAsync(cancellationToken);
        foreach (var document in pending)
        {
            var journalCase = cases[document.CaseKey];
            var number = lastDocument.GetValueOrDefault(journalCase.Id) + 1;
            lastDocument[journalCase.Id] = number;
            db.JournalEntries.Add(new JournalEntry
            {
                SourceKind = document.Kind,
                SourceId = document.Id,
                CaseId = journalCase.Id,
                DocumentNumber = number,
                Year = year,
                Sequence = ++lastEntry,
                JournalledAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Information, Message = "Another journal run gave numbers at the same time; reading again.")]
    private static partial void LogCollision(ILogger logger, Exception exception);

    private sealed record PendingDocument(string Kind, Guid Id, DateTimeOffset DocumentDate, string CaseKey, string CaseTitle);
}

internal static class JournalSourceKinds
{
    public const string Input = "input";
    public const string Minutes = "minutes";
    public const string Presentation = "presentation";

    public static string Of(MeetingRecordKind kind) => kind == MeetingRecordKind.Minutes ? Minutes : Presentation;
}
