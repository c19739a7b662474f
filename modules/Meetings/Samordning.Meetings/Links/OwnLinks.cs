using Samordning.Meetings.Meetings;
using Samordning.Workstreams.Contracts;

namespace Samordning.Meetings.Links;

// The one workstream and one initiative a decision, an action item or an agenda item may have of its own (issue 16),
// checked alike: ids into the Workstreams module, without a foreign key. A link made earlier stays allowed.
internal static class OwnLinks
{
    public static async Task CheckAsync(
        MeetingServices deps,
        (Guid? Wanted, Guid? Current) workstream,
        (Guid? Wanted, Guid? Current) initiative,
        FieldErrors errors,
        CancellationToken cancellationToken)
    {
        if (workstream.Wanted is { } id && id != workstream.Current && await deps.Workstreams.CountUnknownAsync([id], cancellationToken) > 0)
        {
            errors.Add("WorkstreamId", new("Arbeidsstrømmen finnes ikke. Velg blant arbeidsstrømmene i listen.", "The workstream does not exist. Choose among the workstreams in the list."));
        }

        await deps.Initiatives.CheckAsync(
            deps.User.Principal,
            initiative.Wanted is { } wanted ? [wanted] : [],
            initiative.Current is { } linked ? [linked] : [],
            errors,
            "InitiativeId",
            cancellationToken);
    }
}
