using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Samordning.Ministries.Data;

namespace Samordning.Ministries.Seed;

// Seeds an empty registry with the ministries and agencies of 2019, and adds the configured demo people.
internal sealed class SeedRegistry(MinistriesDbContext db, IOptions<MinistriesOptions> options, ILogger<SeedRegistry> logger) : IModuleInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (options.Value.SeedReferenceData && !await db.Ministries.AnyAsync(cancellationToken))
        {
            foreach (var (code, nameNb, nameEn, agencies) in ReferenceData.Ministries)
            {
                var ministry = new Ministry { Code = code, NameNb = nameNb, NameEn = nameEn, NameNn = ReferenceData.NynorskNames.GetValueOrDefault(code) };
                ministry.RefreshSearchText();
                foreach (var agencyName in agencies)
                {
                    var agency = new Agency { NameNb = agencyName };
                    agency.RefreshSearchText();
                    ministry.Agencies.Add(agency);
                }

                db.Ministries.Add(ministry);
            }

            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Seeded {Count} ministries.", ReferenceData.Ministries.Count);
        }

        await AddNynorskNamesAsync(cancellationToken);

        var codes = await db.Ministries.ToDictionaryAsync(m => m.Code, m => m.Id, cancellationToken);
        foreach (var demo in options.Value.DemoPeople)
        {
            var email = demo.Email.Trim().ToLowerInvariant();
            if (await db.People.AnyAsync(p => p.Email == email, cancellationToken))
            {
                continue;
            }

            var person = new Person
            {
                Name = demo.Name,
                Email = email,
                Title = demo.Title,
                MinistryId = demo.Ministry is { } code && codes.TryGetValue(code, out var id) ? id : null,
                Roles = PersonRolesExtensions.FromNames(demo.Roles),
            };
            person.RefreshSearchText();
            db.People.Add(person);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    // A registry seeded before Nynorsk names existed gets them for the reference ministries it still holds under
    // their reference Bokmål name; a name someone has set is left alone.
    private async Task AddNynorskNamesAsync(CancellationToken cancellationToken)
    {
        var changed = false;
        foreach (var (code, nameNb, _, _) in ReferenceData.Ministries)
        {
            if (ReferenceData.NynorskNames.TryGetValue(code, out var nameNn)
                && await db.Ministries.FirstOrDefaultAsync(m => m.Code == code && m.NameNb == nameNb && m.NameNn == null, cancellationToken) is { } ministry)
            {
                ministry.NameNn = nameNn;
                ministry.RefreshSearchText();
                changed = true;
            }
        }

        if (changed)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
