using Samordning.Meetings.Data;
using Samordning.Shared.Process;
using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Meetings.Dialogue;

// Published supplier dialogues on the public process page: a series of one-to-one meetings (from the first slot to
// the end of the last; the registration deadline until slots are offered), with whether registration is open.
// Nothing about who registered or booked.
internal sealed class DialogueProcess(MeetingsDbContext db) : IProcessSource
{
    public async Task<IReadOnlyList<ProcessEvent>> GetPublicEventsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var dialogues = await db.SupplierDialogues.AsNoTracking().Where(d => d.Published).ToListAsync(cancellationToken);
        var ids = dialogues.Select(d => d.Id).ToList();
        var slots = (await db.DialogueSlots.AsNoTracking().Where(s => ids.Contains(s.DialogueId))
                .Select(s => new { s.DialogueId, s.StartsAt, s.DurationMinutes, s.OfferedAt })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.DialogueId);
        var answers = (await db.DialogueQuestions.AsNoTracking().Where(q => ids.Contains(q.DialogueId) && q.PublishedAt != null)
                .Select(q => new { q.DialogueId, q.PublishedAt })
                .ToListAsync(cancellationToken))
            .ToLookup(q => q.DialogueId, q => q.PublishedAt!.Value);

        return [.. dialogues.Select(d =>
        {
            var own = slots[d.Id].ToList();
            var deadline = Deadline(d.RegistrationDeadline);
            LocalizedText status = now < d.RegistrationDeadline
                ? new($"Påmelding åpen til {deadline}", $"Registration open until {deadline}")
                : new("Påmeldingen er stengt", "Registration is closed");
            var updated = own.Select(s => s.OfferedAt).Concat(answers[d.Id]).Append(d.UpdatedAt).Max();
            return new ProcessEvent(
                $"supplier-dialogue:{d.Id}",
                ProcessEventKind.Meeting,
                new LocalizedText($"Leverandørdialog: {d.Title}", $"Supplier dialogue: {d.Title}"),
                own.Count == 0 ? d.RegistrationDeadline : own.Min(s => s.StartsAt),
                own.Count == 0 ? null : own.Max(s => s.StartsAt.AddMinutes(s.DurationMinutes)),
                null,
                d.Description is { } description ? new LocalizedText(description, description) { Nn = description } : null,
                $"/moter/leverandordialog/{d.Id}",
                [new($"/moter/leverandordialog/{d.Id}#sporsmal-og-svar", new("Spørsmål og svar", "Questions and answers"))],
                updated,
                status);
        })];
    }

    private static string Deadline(DateTimeOffset instant) =>
        Oslo.ToOslo(instant).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
