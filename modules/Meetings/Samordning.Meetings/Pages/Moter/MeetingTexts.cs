using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Samordning.Meetings.Data;
using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Meetings.Pages.Moter;

// How the module's pages name kinds and statuses and show times (Europe/Oslo, nb-NO or en-GB).
internal static class MeetingTexts
{
    private static CultureInfo Culture => Localized.Culture;

    public static LocalizedText KindName(MeetingKind kind) => kind switch
    {
        MeetingKind.KickOff => new("Oppstartsmøte", "Kick-off meeting"),
        MeetingKind.Dialogue => new("Dialogmøte", "Dialogue meeting"),
        MeetingKind.OneToOne => new("En-til-en-møte", "One-to-one meeting"),
        MeetingKind.Workshop => new("Verksted", "Workshop"),
        _ => new("Internt møte", "Internal meeting"),
    };

    public static LocalizedText StatusName(MeetingStatus status) => status switch
    {
        MeetingStatus.Planned => new("Planlagt", "Planned"),
        MeetingStatus.Live => new("Pågår", "Live"),
        MeetingStatus.Cancelled => new("Avlyst", "Cancelled"),
        _ => new("Avsluttet", "Closed"),
    };

    public static LocalizedText EntryKindName(EntryKind kind) => kind switch
    {
        EntryKind.Note => new("Notat", "Note"),
        EntryKind.Decision => new("Beslutning", "Decision"),
        EntryKind.ActionItem => new("Oppfølgingspunkt", "Action item"),
        EntryKind.Question => new("Spørsmål", "Question"),
        _ => new("Innspill", "Feedback"),
    };

    public static LocalizedText ActionStatusName(ActionStatus status) =>
        status == ActionStatus.Done ? new("Utført", "Done") : new("Åpen", "Open");

    public static string Time(DateTimeOffset instant) => Oslo.ToOslo(instant).ToString("HH:mm", Culture);

    public static string DateTime(DateTimeOffset instant) =>
        Oslo.ToOslo(instant).ToString(Localized.IsEnglish ? "d MMMM yyyy HH:mm" : "d. MMMM yyyy 'kl.' HH:mm", Culture);

    public static string Period(DateTimeOffset start, DateTimeOffset end) =>
        Oslo.ToOslo(start).Date == Oslo.ToOslo(end).Date ? $"{DateTime(start)}–{Time(end)}" : $"{DateTime(start)} – {DateTime(end)}";

    public static string Date(DateOnly? date) => date?.ToString(Localized.IsEnglish ? "d MMMM yyyy" : "d. MMMM yyyy", Culture) ?? "–";

    // "Kapittel 8: Kompetanse" where the workstream is a chapter, else the title alone.
    public static string WorkstreamName(Workstreams.Contracts.WorkstreamInfo workstream) =>
        workstream.Chapter is { } chapter ? $"{Localized.T("Kapittel", "Chapter")} {chapter}: {workstream.Title}" : workstream.Title;

    public static List<SelectListItem> Kinds() =>
        [.. Enum.GetValues<MeetingKind>().Select(k => new SelectListItem(KindName(k), k.ToString()))];

    public static List<SelectListItem> EntryKinds() =>
        [.. Enum.GetValues<EntryKind>().Select(k => new SelectListItem(EntryKindName(k), k.ToString()))];

    // The labels the live script needs to render an entry as the server does.
    public static string EntryKindsJson() =>
        System.Text.Json.JsonSerializer.Serialize(Enum.GetValues<EntryKind>().ToDictionary(k => k.ToString(), k => EntryKindName(k).ToString()));

    // Europe/Oslo wall-clock time as an instant, with the offset in force on that day.
    public static DateTimeOffset? ToInstant(DateOnly? date, TimeOnly? time)
    {
        if (date is null || time is null)
        {
            return null;
        }

        return DateRange.FromOsloLocal(date.Value.ToDateTime(time.Value));
    }
}
