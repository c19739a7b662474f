using Samordning.Ministries.Data;

namespace Samordning.Ministries.Ministries;

// The body of a create or an update. Version is the one the person saw; null on create.
internal sealed record MinistryRequest(string? Code, string? NameNb, string? NameEn, bool Active = true, long? Version = null, string? NameNn = null)
{
    public static async Task<FieldErrors> ValidateAsync(MinistryRequest request, MinistriesDbContext db, Guid? id, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Required(nameof(Code), request.Code, new("Kode", "Code"), 10)
            .Required(nameof(NameNb), request.NameNb, new("Navn på bokmål", "Name in Bokmål"), 200)
            .Required(nameof(NameEn), request.NameEn, new("Navn på engelsk", "Name in English"), 200)
            .MaxLength(nameof(NameNn), request.NameNn, new("Navn på nynorsk", "Name in Nynorsk"), 200);

        var code = Normalize(request.Code);
        if (code.Length > 0 && !code.All(char.IsAsciiLetter))
        {
            errors.Add(nameof(Code), new("Kode kan bare ha bokstavene A–Z.", "Code may only contain the letters A–Z."));
        }
        else if (code.Length > 0 && await db.Ministries.AnyAsync(m => m.Code == code && m.Id != id, cancellationToken))
        {
            errors.Add(nameof(Code), new($"Det finnes allerede et departement med koden {code}.", $"A ministry with the code {code} already exists."));
        }

        return errors;
    }

    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();

    public void ApplyTo(Ministry ministry)
    {
        ministry.Code = Normalize(Code);
        ministry.NameNb = NameNb!.Trim();
        ministry.NameEn = NameEn!.Trim();
        // Left empty, or the same as Bokmål: there is no separate Nynorsk name.
        ministry.NameNn = string.IsNullOrWhiteSpace(NameNn) || NameNn.Trim() == ministry.NameNb ? null : NameNn.Trim();
        ministry.Active = Active;
        ministry.RefreshSearchText();
    }
}

internal sealed record MinistryDetails(
    Guid Id, string Code, string NameNb, string NameEn, bool Active, long Version, IReadOnlyList<AgencySummary> Agencies, string? NameNn = null)
{
    public static MinistryDetails From(Ministry ministry) => new(
        ministry.Id, ministry.Code, ministry.NameNb, ministry.NameEn, ministry.Active, ministry.Version,
        [.. ministry.Agencies.OrderBy(a => a.NameNb).Select(a => new AgencySummary(a.Id, a.NameNb, a.NameEn, a.OrganisationNumber, a.Active))],
        ministry.NameNn);
}

internal sealed record AgencySummary(Guid Id, string NameNb, string? NameEn, string? OrganisationNumber, bool Active);
