using Samordning.Shared.Text;

namespace Samordning.Ministries.Pages.Departementer;

// Role names as people read them.
internal static class RoleNames
{
    public static LocalizedText Of(string role) => role switch
    {
        Roles.Coordinator => new("Koordinator (KMD-teamet)", "Coordinator (KMD team)"),
        Roles.ContactPerson => new("Kontaktperson", "Contact person"),
        Roles.Facilitator => new("Møteleder", "Facilitator"),
        Roles.Observer => new("Observatør", "Observer"),
        Roles.Administrator => new("Administrator", "Administrator"),
        _ => new(role, role),
    };

    public static string Describe(IEnumerable<string> roles)
    {
        var names = roles.Select(r => Of(r).ToString()).ToList();
        return names.Count == 0 ? "–" : string.Join(", ", names);
    }
}
