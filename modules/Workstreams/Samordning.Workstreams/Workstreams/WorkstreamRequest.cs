using Samordning.Ministries.Contracts;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Workstreams;

internal sealed record WorkstreamRequest(
    int? Chapter, string? TitleNb, string? TitleEn, string? Description, Guid? OwnerPersonId, WorkstreamStatus Status, DateOnly? TargetDate, long? Version = null, string? TitleNn = null)
{
    public async Task<(FieldErrors Errors, PersonInfo? Owner)> ValidateAsync(
        WorkstreamsDbContext db, IMinistryDirectory directory, Guid? id, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Required(nameof(TitleNb), TitleNb, new("Tittel på bokmål", "Title in Bokmål"), 200)
            .MaxLength(nameof(TitleEn), TitleEn, new("Tittel på engelsk", "Title in English"), 200)
            .MaxLength(nameof(TitleNn), TitleNn, new("Tittel på nynorsk", "Title in Nynorsk"), 200)
            .MaxLength(nameof(Description), Description, new("Beskrivelse", "Description"), 4000)
            .InDateRange(nameof(TargetDate), TargetDate, new("Måldatoen", "The target date"));

        if (Chapter is < 1 or > 99)
        {
            errors.Add(nameof(Chapter), new("Kapittel må være et tall fra 1 til 99.", "Chapter must be a number from 1 to 99."));
        }

        if (!Enum.IsDefined(Status))
        {
            errors.Add(nameof(Status), new("Ukjent status.", "Unknown status."));
        }

        var title = TitleNb?.Trim();
        if (!string.IsNullOrEmpty(title) && await db.Workstreams.AnyAsync(w => w.TitleNb == title && w.Id != id, cancellationToken))
        {
            errors.Add(nameof(TitleNb), new("Det finnes allerede en arbeidsstrøm med denne tittelen.", "A workstream with this title already exists."));
        }

        PersonInfo? owner = null;
        if (OwnerPersonId is { } ownerId)
        {
            owner = await directory.GetPersonAsync(ownerId, cancellationToken);
            if (owner is null || !owner.Roles.Contains(Roles.Coordinator))
            {
                errors.Add(nameof(OwnerPersonId), new("Eieren må være en koordinator i KMD-teamet.", "The owner must be a coordinator in the KMD team."));
            }
        }

        return (errors, owner);
    }

    public void ApplyTo(Workstream workstream, PersonInfo? owner)
    {
        workstream.Chapter = Chapter;
        workstream.TitleNb = TitleNb!.Trim();
        workstream.TitleEn = string.IsNullOrWhiteSpace(TitleEn) ? null : TitleEn.Trim();
        // Left empty, or the same as Bokmål: there is no separate Nynorsk title.
        workstream.TitleNn = string.IsNullOrWhiteSpace(TitleNn) || TitleNn.Trim() == workstream.TitleNb ? null : TitleNn.Trim();
        workstream.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        workstream.OwnerPersonId = owner?.Id;
        workstream.OwnerName = owner?.Name;
        workstream.Status = Status;
        workstream.TargetDate = TargetDate;
    }
}

internal sealed record WorkstreamDetails(
    Guid Id, int? Chapter, string TitleNb, string? TitleEn, string? Description, Guid? OwnerPersonId, string? OwnerName,
    WorkstreamStatus Status, DateOnly? TargetDate, int InitiativeCount, long Version, string? TitleNn = null)
{
    public static WorkstreamDetails From(Workstream w, int initiativeCount) => new(
        w.Id, w.Chapter, w.TitleNb, w.TitleEn, w.Description, w.OwnerPersonId, w.OwnerName, w.Status, w.TargetDate, initiativeCount, w.Version, w.TitleNn);
}
