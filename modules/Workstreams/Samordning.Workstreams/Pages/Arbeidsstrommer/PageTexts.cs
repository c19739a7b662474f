using Microsoft.AspNetCore.Mvc.Rendering;
using Samordning.Shared.Text;
using Samordning.Shared.Time;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer;

// Small helpers the module's pages share: option lists and how dates read.
internal static class PageTexts
{
    public static string Date(DateOnly? date) =>
        date?.ToString("d. MMMM yyyy", Localized.Culture) ?? "–";

    public static string DateTime(DateTimeOffset instant) =>
        Oslo.ToOslo(instant).ToString(Localized.IsEnglish ? "d MMMM yyyy HH:mm" : "d. MMMM yyyy 'kl.' HH:mm",
            Localized.Culture);

    public static string WorkstreamTitle(string titleNb, string? titleEn, int? chapter, string? titleNn = null) =>
        (chapter is { } c ? $"{c}. " : "") + Localized.Name(titleNb, titleEn, titleNn);

    public static List<SelectListItem> Phases(bool includeAll) =>
        WithAll(includeAll, Enum.GetValues<Phase>().Select(p => new SelectListItem(InitiativeTexts.PhaseName(p), p.ToString())));

    public static List<SelectListItem> Statuses(bool includeAll) =>
        WithAll(includeAll, Enum.GetValues<Rag>().Select(s => new SelectListItem(InitiativeTexts.StatusName(s), s.ToString())));

    public static List<SelectListItem> WithAll(bool includeAll, IEnumerable<SelectListItem> items)
    {
        var list = items.ToList();
        if (includeAll)
        {
            list.Insert(0, new SelectListItem(Localized.T("Alle", "All"), ""));
        }

        return list;
    }

    public static LocalizedText StatusShort(Rag status) => status switch
    {
        Rag.Green => new("Grønn", "Green"),
        Rag.Amber => new("Gul", "Amber"),
        _ => new("Rød", "Red"),
    };
}
