using Samordning.Meetings.Dialogue;
using Samordning.Shared.Time;

namespace Samordning.Meetings.Pages.Moter.Dialog;

// The dialogue's forms as people fill them in: days and times in Europe/Oslo, turned into the API's requests so
// the page and the API share one rule set.
internal sealed class DialogueForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Terms { get; set; }
    public DateOnly? DeadlineDate { get; set; }
    public TimeOnly? DeadlineTime { get; set; } = new(12, 0);
    public int? MaxSlotsPerSupplier { get; set; } = 1;
    public bool Published { get; set; }

    public DialogueRequest ToRequest() =>
        new(Title, Description, Terms, MeetingTexts.ToInstant(DeadlineDate, DeadlineTime), MaxSlotsPerSupplier, Published);
}

internal sealed class SlotForm
{
    public DateOnly? Date { get; set; }
    public TimeOnly? StartTime { get; set; }
    public int? DurationMinutes { get; set; } = 45;
    public string? Place { get; set; }
    public string? VideoLink { get; set; }

    public SlotRequest ToRequest() => new(MeetingTexts.ToInstant(Date, StartTime), DurationMinutes, Place, VideoLink);
}

internal sealed class RegistrationForm
{
    public string? OrganisationName { get; set; }
    public string? OrganisationNumber { get; set; }
    public string? ContactName { get; set; }
    public string? Email { get; set; }
    public bool AcceptTerms { get; set; }

    // The honeypot: hidden from people, so only a robot fills it.
    public string? Website { get; set; }

    public SupplierRegistrationRequest ToRequest() => new(OrganisationName, OrganisationNumber, ContactName, Email, AcceptTerms);
}

internal static class DialogueTexts
{
    public static string Slot(DateTimeOffset start, int minutes) => MeetingTexts.Period(start, start.AddMinutes(minutes));

    public static string Date(DateTimeOffset instant) => MeetingTexts.DateTime(instant);

    public static DateOnly Today(IClock clock) => Oslo.DateOf(clock.UtcNow);
}
