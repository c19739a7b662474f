using Samordning.Ministries.Contracts;
using Samordning.Ministries.Data;

namespace Samordning.Ministries;

// Answers the Contracts queries. Registered by the host's Scrutor scan as IMinistryDirectory.
internal sealed class MinistryDirectory(MinistriesDbContext db) : IMinistryDirectory
{
    public async Task<IReadOnlyList<MinistryInfo>> GetMinistriesAsync(CancellationToken cancellationToken) =>
        await db.Ministries.AsNoTracking().Where(m => m.Active).OrderBy(m => m.Code)
            .Select(m => new MinistryInfo(m.Id, m.Code, m.NameNb, m.NameEn, m.NameNn))
            .ToListAsync(cancellationToken);

    public Task<MinistryInfo?> GetMinistryAsync(Guid id, CancellationToken cancellationToken) =>
        db.Ministries.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new MinistryInfo(m.Id, m.Code, m.NameNb, m.NameEn, m.NameNn))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<AgencyInfo>> GetAgenciesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new AgencyInfo(a.Id, a.MinistryId, a.NameNb))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<AgencyInfo>> GetAgenciesOfAsync(Guid? ministryId, CancellationToken cancellationToken) =>
        await db.Agencies.AsNoTracking().Where(a => a.Active && (ministryId == null || a.MinistryId == ministryId))
            .OrderBy(a => a.NameNb)
            .Select(a => new AgencyInfo(a.Id, a.MinistryId, a.NameNb))
            .ToListAsync(cancellationToken);

    public async Task<PersonInfo?> GetPersonAsync(Guid id, CancellationToken cancellationToken) =>
        ToInfo(await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken));

    public async Task<IReadOnlyList<PersonInfo>> GetPeopleAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        // The ids go as one JSON parameter (json_each, OPENJSON): a sweep's hundreds of people are one query, and
        // EF's default of one parameter per id would meet SQL Server's limit of 2,100.
        var list = ids.ToArray();
        var people = await db.People.AsNoTracking().Where(p => EF.Parameter(list).Contains(p.Id)).ToListAsync(cancellationToken);
        return [.. people.Select(p => ToInfo(p)!)];
    }

    public async Task<PersonInfo?> FindSignedInPersonAsync(string? subject, string? email, CancellationToken cancellationToken)
    {
        Person? person = null;
        if (!string.IsNullOrEmpty(subject))
        {
            person = await db.People.FirstOrDefaultAsync(p => p.Subject == subject && p.Active, cancellationToken);
        }

        if (person is null && !string.IsNullOrWhiteSpace(email))
        {
            var normalized = email.Trim().ToLowerInvariant();
            person = await db.People.FirstOrDefaultAsync(p => p.Email == normalized && p.Active, cancellationToken);

            // Remember the subject, so a later change of e-mail at the identity provider keeps the person.
            if (person is { Subject: null } && !string.IsNullOrEmpty(subject))
            {
                person.Subject = subject;
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateConcurrencyException)
                {
                    // The same person's first sign-in twice at once (two tabs, two devices): the other request
                    // linked the subject first. Linking is a convenience; the person signing in is the same.
                    db.ChangeTracker.Clear();
                }
            }
        }

        return ToInfo(person);
    }

    public async Task<IReadOnlyList<PersonInfo>> GetPeopleAsync(Guid? ministryId, string role, CancellationToken cancellationToken)
    {
        var flag = PersonRolesExtensions.FromName(role);
        if (flag == PersonRoles.None)
        {
            return [];
        }

        var people = await db.People.AsNoTracking()
            .Where(p => p.Active && (ministryId == null || p.MinistryId == ministryId) && (p.Roles & flag) == flag)
            .OrderBy(p => p.Name)
            .ToListAsync(cancellationToken);
        return [.. people.Select(p => ToInfo(p)!)];
    }

    public async Task<IReadOnlyList<PersonInfo>> GetPeopleOfMinistriesAsync(IReadOnlyCollection<Guid> ministryIds, CancellationToken cancellationToken)
    {
        if (ministryIds.Count == 0)
        {
            return [];
        }

        var list = ministryIds.ToArray();
        var people = await db.People.AsNoTracking()
            .Where(p => p.Active && p.MinistryId != null && EF.Parameter(list).Contains(p.MinistryId.Value))
            .OrderBy(p => p.Name)
            .ToListAsync(cancellationToken);
        return [.. people.Select(p => ToInfo(p)!)];
    }

    private static PersonInfo? ToInfo(Person? p) =>
        p is null ? null : new PersonInfo(p.Id, p.Name, p.Email, p.MinistryId, p.AgencyId, p.Roles.ToNames(), p.Active, p.PreferredLanguage);
}
