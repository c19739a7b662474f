using Microsoft.AspNetCore.Mvc.Rendering;
using Samordning.Ministries.Contracts;
using Samordning.Shared.Text;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer;

// The ministry and workstream choices the module's filters and forms offer.
internal sealed class FilterOptions
{
    public IReadOnlyList<MinistryInfo> Ministries { get; private init; } = [];
    public IReadOnlyList<Workstream> Workstreams { get; private init; } = [];

    private const int MaxTagChoices = 500;

    public static async Task<FilterOptions> LoadAsync(WorkstreamsDbContext db, IMinistryDirectory directory, CancellationToken cancellationToken) => new()
    {
        Ministries = await directory.GetMinistriesAsync(cancellationToken),
        Workstreams = await db.Workstreams.AsNoTracking().OrderBy(w => w.Chapter ?? int.MaxValue).ThenBy(w => w.TitleNb).ToListAsync(cancellationToken),
    };

    // The tags in use, offered as choices in the tag filters, which still take any text.
    public static async Task<IReadOnlyList<string>> TagsAsync(WorkstreamsDbContext db, CancellationToken cancellationToken) =>
        await db.Set<InitiativeTag>().AsNoTracking().Select(t => t.Tag).Distinct().OrderBy(t => t).Take(MaxTagChoices).ToListAsync(cancellationToken);

    public List<SelectListItem> MinistryItems(bool includeAll) =>
        PageTexts.WithAll(includeAll, Ministries.Select(m => new SelectListItem($"{m.Code} – {m.Name}", m.Id.ToString())));

    public List<SelectListItem> WorkstreamItems(bool includeAll) =>
        PageTexts.WithAll(includeAll, Workstreams.Select(w => new SelectListItem(PageTexts.WorkstreamTitle(w.TitleNb, w.TitleEn, w.Chapter, w.TitleNn), w.Id.ToString())));

    public string MinistryCode(Guid id) => Ministries.FirstOrDefault(m => m.Id == id)?.Code ?? "–";

    public string WorkstreamName(Guid id) =>
        Workstreams.FirstOrDefault(w => w.Id == id) is { } w ? PageTexts.WorkstreamTitle(w.TitleNb, w.TitleEn, w.Chapter, w.TitleNn) : Localized.T("Uten arbeidsstrøm", "No workstream");
}
