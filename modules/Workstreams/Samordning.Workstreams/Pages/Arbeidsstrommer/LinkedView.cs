using System.Security.Claims;
using Samordning.Shared.Links;
using Samordning.Shared.Text;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer;

// What the other modules link to a workstream or an initiative, grouped for the pages (issue 16). Each module's
// ILinkedItemsSource decides what the person may read; this only asks and groups.
internal sealed record LinkedView(IReadOnlyList<LinkedItem> Items, int Limit)
{
    public const int PerKind = 50;

    public static async Task<LinkedView> LoadAsync(IEnumerable<ILinkedItemsSource> sources, LinkTarget target, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var items = new List<LinkedItem>();
        foreach (var source in sources)
        {
            items.AddRange(await source.GetLinkedAsync(target, user, PerKind, cancellationToken));
        }

        return new(items, PerKind);
    }

    // The order of the sections; agenda items follow the meetings they belong to.
    public static IReadOnlyList<LinkedKind> Kinds { get; } = [LinkedKind.Meeting, LinkedKind.AgendaItem, LinkedKind.Decision, LinkedKind.ActionItem, LinkedKind.Input];

    public IReadOnlyList<LinkedItem> Of(LinkedKind kind) => [.. Items.Where(i => i.Kind == kind).OrderByDescending(i => i.At)];

    public static (string Id, LocalizedText Heading, LocalizedText Empty) Section(LinkedKind kind) => kind switch
    {
        LinkedKind.Meeting => ("mater", new("Møter", "Meetings"), new("Ingen møter er knyttet hit.", "No meetings are linked here.")),
        LinkedKind.AgendaItem => ("dagsorden", new("Punkter på dagsordener", "Agenda items"), new("Ingen punkter på dagsordener er knyttet hit.", "No agenda items are linked here.")),
        LinkedKind.Decision => ("beslutninger", new("Beslutninger", "Decisions"), new("Ingen beslutninger er knyttet hit.", "No decisions are linked here.")),
        LinkedKind.ActionItem => ("oppfolging", new("Oppfølgingspunkter", "Action items"), new("Ingen oppfølgingspunkter er knyttet hit.", "No action items are linked here.")),
        _ => ("innspill", new("Innspill", "Input"), new("Ingen innspill er knyttet hit.", "No input is linked here.")),
    };
}
