using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Milestones;

internal sealed record MilestoneRequest(
    string? TitleNb,
    string? TitleEn,
    DateOnly? Date,
    string? DescriptionNb = null,
    string? DescriptionEn = null,
    bool Published = false,
    string? TitleNn = null,
    string? DescriptionNn = null,
    long? Version = null)
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors()
            .Required(nameof(TitleNb), TitleNb, new("Tittel på bokmål", "Title in Bokmål"), 200)
            .Required(nameof(TitleEn), TitleEn, new("Tittel på engelsk", "Title in English"), 200)
            .MaxLength(nameof(TitleNn), TitleNn, new("Tittel på nynorsk", "Title in Nynorsk"), 200)
            .MaxLength(nameof(DescriptionNb), DescriptionNb, new("Beskrivelse på bokmål", "Description in Bokmål"), 4000)
            .MaxLength(nameof(DescriptionEn), DescriptionEn, new("Beskrivelse på engelsk", "Description in English"), 4000)
            .MaxLength(nameof(DescriptionNn), DescriptionNn, new("Beskrivelse på nynorsk", "Description in Nynorsk"), 4000)
            .InDateRange(nameof(Date), Date, new("Datoen", "The date"));
        if (Date is null)
        {
            errors.Add(nameof(Date), new("Velg en dato.", "Choose a date."));
        }

        return errors;
    }

    public void ApplyTo(Milestone milestone, DateTimeOffset now)
    {
        milestone.TitleNb = TitleNb!.Trim();
        milestone.TitleEn = TitleEn!.Trim();
        // Left empty, or the same as Bokmål: no separate Nynorsk text, and the page falls back to Bokmål.
        milestone.TitleNn = Optional(TitleNn) is { } nn && nn != milestone.TitleNb ? nn : null;
        milestone.Date = Date!.Value;
        milestone.DescriptionNb = Optional(DescriptionNb);
        milestone.DescriptionEn = Optional(DescriptionEn);
        milestone.DescriptionNn = Optional(DescriptionNn) is { } dnn && dnn != milestone.DescriptionNb ? dnn : null;
        milestone.Published = Published;
        milestone.UpdatedAt = now;
    }

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal sealed record MilestoneDetails(
    Guid Id, string TitleNb, string? TitleEn, string? TitleNn, DateOnly Date, string? DescriptionNb, string? DescriptionEn, string? DescriptionNn,
    bool Published, int Position, DateTimeOffset UpdatedAt, long Version)
{
    public static MilestoneDetails From(Milestone m) =>
        new(m.Id, m.TitleNb, m.TitleEn, m.TitleNn, m.Date, m.DescriptionNb, m.DescriptionEn, m.DescriptionNn, m.Published, m.Position, m.UpdatedAt, m.Version);

    public MilestoneRequest ToRequest() => new(TitleNb, TitleEn, Date, DescriptionNb, DescriptionEn, Published, TitleNn, DescriptionNn, Version);
}

internal enum MoveDirection
{
    Up,
    Down,
}

internal sealed record MoveMilestoneRequest(MoveDirection Direction, long? Version);
