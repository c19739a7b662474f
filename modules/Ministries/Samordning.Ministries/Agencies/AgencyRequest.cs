using Samordning.Ministries.Data;
using Samordning.Shared.Text;

namespace Samordning.Ministries.Agencies;

internal sealed record AgencyRequest(
    Guid? MinistryId, string? NameNb, string? NameEn, string? OrganisationNumber, bool Active = true, long? Version = null)
{
    public static async Task<FieldErrors> ValidateAsync(AgencyRequest request, MinistriesDbContext db, Guid? id, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Required(nameof(NameNb), request.NameNb, new("Navn på bokmål", "Name in Bokmål"), 200)
            .MaxLength(nameof(NameEn), request.NameEn, new("Navn på engelsk", "Name in English"), 200)
            .OrganisationNumber(nameof(OrganisationNumber), request.OrganisationNumber, new("Organisasjonsnummer", "Organisation number"));

        if (request.MinistryId is not { } ministryId || !await db.Ministries.AnyAsync(m => m.Id == ministryId, cancellationToken))
        {
            errors.Add(nameof(MinistryId), new("Velg et departement som finnes.", "Choose an existing ministry."));
        }
        else if (!string.IsNullOrWhiteSpace(request.NameNb))
        {
            var name = request.NameNb.Trim();
            if (await db.Agencies.AnyAsync(a => a.MinistryId == ministryId && a.NameNb == name && a.Id != id, cancellationToken))
            {
                errors.Add(nameof(NameNb), new("Departementet har allerede en virksomhet med dette navnet.", "The ministry already has an agency with this name."));
            }
        }

        return errors;
    }

    public void ApplyTo(Agency agency)
    {
        agency.MinistryId = MinistryId!.Value;
        agency.NameNb = NameNb!.Trim();
        agency.NameEn = string.IsNullOrWhiteSpace(NameEn) ? null : NameEn.Trim();
        agency.OrganisationNumber = string.IsNullOrWhiteSpace(OrganisationNumber) ? null : Shared.Text.OrganisationNumber.Normalize(OrganisationNumber);
        agency.Active = Active;
        agency.RefreshSearchText();
    }
}

internal sealed record AgencyDetails(
    Guid Id, Guid MinistryId, string MinistryCode, string NameNb, string? NameEn, string? OrganisationNumber, bool Active, long Version)
{
    public string Name => new LocalizedText(NameNb, NameEn ?? NameNb);

    public static AgencyDetails From(Agency agency, string ministryCode) => new(
        agency.Id, agency.MinistryId, ministryCode, agency.NameNb, agency.NameEn, agency.OrganisationNumber, agency.Active, agency.Version);
}
