using Samordning.Ministries.Data;

namespace Samordning.Ministries.People;

internal sealed record PersonRequest(
    string? Name,
    string? Email,
    string? Title,
    Guid? MinistryId,
    Guid? AgencyId,
    IReadOnlyList<string>? Roles,
    bool Active = true,
    string? PreferredLanguage = "nb",
    long? Version = null)
{
    public static async Task<FieldErrors> ValidateAsync(PersonRequest request, MinistriesDbContext db, Guid? id, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Required(nameof(Name), request.Name, new("Navn", "Name"), 200)
            .Email(nameof(Email), request.Email?.Trim(), new("E-post", "E-mail"), required: true)
            .MaxLength(nameof(Title), request.Title, new("Stilling", "Job title"), 200);

        var email = NormalizeEmail(request.Email);
        if (!errors.ToDictionary().ContainsKey(nameof(Email))
            && await db.People.AnyAsync(p => p.Email == email && p.Id != id, cancellationToken))
        {
            errors.Add(nameof(Email), new("Det finnes allerede en person med denne e-postadressen.", "A person with this e-mail address already exists."));
        }

        if (request.MinistryId is { } ministryId && !await db.Ministries.AnyAsync(m => m.Id == ministryId, cancellationToken))
        {
            errors.Add(nameof(MinistryId), new("Velg et departement som finnes.", "Choose an existing ministry."));
        }

        if (request.AgencyId is { } agencyId
            && !await db.Agencies.AnyAsync(a => a.Id == agencyId && a.MinistryId == request.MinistryId, cancellationToken))
        {
            errors.Add(nameof(AgencyId), new("Velg en virksomhet under det valgte departementet.", "Choose an agency of the chosen ministry."));
        }

        var roles = request.Roles ?? [];
        foreach (var unknown in roles.Where(r => !PersonRolesExtensions.IsKnown(r)))
        {
            errors.Add(nameof(Roles), new($"Ukjent rolle: {unknown}.", $"Unknown role: {unknown}."));
        }

        if (roles.Contains(Shared.Security.Roles.ContactPerson, StringComparer.OrdinalIgnoreCase) && request.MinistryId is null)
        {
            errors.Add(nameof(MinistryId), new("En kontaktperson må høre til et departement.", "A contact person must belong to a ministry."));
        }

        if (!IsLanguage(request.PreferredLanguage))
        {
            errors.Add(nameof(PreferredLanguage), new("Velg bokmål, nynorsk eller engelsk.", "Choose Bokmål, Nynorsk or English."));
        }

        return errors;
    }

    public static bool IsLanguage(string? language) => language is "nb" or "nn" or "en";

    public static string NormalizeEmail(string? email) => (email ?? "").Trim().ToLowerInvariant();

    public void ApplyTo(Person person)
    {
        person.Name = Name!.Trim();
        person.Email = NormalizeEmail(Email);
        person.Title = string.IsNullOrWhiteSpace(Title) ? null : Title.Trim();
        person.MinistryId = MinistryId;
        person.AgencyId = AgencyId;
        person.Roles = PersonRolesExtensions.FromNames(Roles ?? []);
        person.Active = Active;
        person.PreferredLanguage = PreferredLanguage ?? "nb";
        person.RefreshSearchText();
    }
}

internal sealed record PersonDetails(
    Guid Id,
    string Name,
    string Email,
    string? Title,
    Guid? MinistryId,
    string? MinistryCode,
    Guid? AgencyId,
    string? AgencyName,
    IReadOnlyList<string> Roles,
    bool Active,
    string PreferredLanguage,
    long Version);
