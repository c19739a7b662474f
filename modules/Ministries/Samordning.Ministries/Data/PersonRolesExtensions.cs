
namespace Samordning.Ministries.Data;

internal static class PersonRolesExtensions
{
    private static readonly (PersonRoles Flag, string Name)[] Map =
    [
        (PersonRoles.Coordinator, Roles.Coordinator),
        (PersonRoles.ContactPerson, Roles.ContactPerson),
        (PersonRoles.Facilitator, Roles.Facilitator),
        (PersonRoles.Observer, Roles.Observer),
        (PersonRoles.Administrator, Roles.Administrator),
    ];

    public static IReadOnlyList<string> ToNames(this PersonRoles roles) =>
        [.. Map.Where(m => roles.HasFlag(m.Flag)).Select(m => m.Name)];

    public static PersonRoles FromName(string name) =>
        Map.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)).Flag;

    public static bool IsKnown(string name) => FromName(name) != PersonRoles.None;

    public static PersonRoles FromNames(IEnumerable<string> names) =>
        names.Aggregate(PersonRoles.None, (roles, name) => roles | FromName(name));
}
