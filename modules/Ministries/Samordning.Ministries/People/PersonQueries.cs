using System.Linq.Expressions;
using Samordning.Ministries.Data;

namespace Samordning.Ministries.People;

internal static class PersonQueries
{
    // Roles are flags in the store; the projection reads them and the caller expands them to names.
    private sealed record Row(
        Guid Id, string Name, string Email, string? Title, Guid? MinistryId, string? MinistryCode, Guid? AgencyId,
        string? AgencyName, PersonRoles Roles, bool Active, string PreferredLanguage, long Version);

    private static readonly Expression<Func<Person, Row>> Projection = p => new Row(
        p.Id, p.Name, p.Email, p.Title, p.MinistryId, p.Ministry == null ? null : p.Ministry.Code, p.AgencyId,
        p.Agency == null ? null : p.Agency.NameNb, p.Roles, p.Active, p.PreferredLanguage, p.Version);

    public static async Task<List<PersonDetails>> ToDetailsAsync(this IQueryable<Person> query, CancellationToken cancellationToken) =>
        [.. (await query.AsNoTracking().Select(Projection).ToListAsync(cancellationToken)).Select(ToDetails)];

    private static PersonDetails ToDetails(Row r) => new(
        r.Id, r.Name, r.Email, r.Title, r.MinistryId, r.MinistryCode, r.AgencyId, r.AgencyName, r.Roles.ToNames(), r.Active, r.PreferredLanguage, r.Version);
}
