using Samordning.Meetings.Entries;
using Samordning.Meetings.Meetings;

namespace Samordning.Meetings.Pages.Moter;

internal sealed record EntryItemView(EntryView Entry, IReadOnlyList<AgendaView> Agenda, bool CanWrite, bool CanManage);

// Who an action item can be given to: the people who work on the white paper (contact persons, facilitators,
// coordinators), by name.
internal static class EntryOwners
{
    public static async Task<IReadOnlyList<Ministries.Contracts.PersonInfo>> LoadAsync(Ministries.Contracts.IMinistryDirectory directory, CancellationToken cancellationToken) =>
        [.. (await directory.GetPeopleAsync(null, Roles.ContactPerson, cancellationToken))
            .Concat(await directory.GetPeopleAsync(null, Roles.Facilitator, cancellationToken))
            .Concat(await directory.GetPeopleAsync(null, Roles.Coordinator, cancellationToken))
            .DistinctBy(p => p.Id).OrderBy(p => p.Name, StringComparer.Ordinal)];
}
