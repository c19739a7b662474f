using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Shared.Text;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Workstreams;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer;

internal sealed class ListeModel(WorkstreamsDbContext db) : PageModel
{
    public IReadOnlyList<WorkstreamDetails> Workstreams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Workstreams = await ListWorkstreams.HandleAsync(db, cancellationToken);
}

internal static class WorkstreamTexts
{
    public static LocalizedText Status(WorkstreamStatus status) => status switch
    {
        WorkstreamStatus.Planned => new("Planlagt", "Planned"),
        WorkstreamStatus.Active => new("Aktiv", "Active"),
        WorkstreamStatus.Paused => new("På vent", "Paused"),
        _ => new("Fullført", "Completed"),
    };

    public static List<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Statuses() =>
        [.. Enum.GetValues<WorkstreamStatus>().Select(s => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(Status(s), s.ToString()))];
}
