using Microsoft.AspNetCore.Mvc.Rendering;
using Samordning.Ministries.Data;
using Samordning.Shared.Text;

namespace Samordning.Ministries.Pages.Departementer;

// Options for the ministry and agency selects on the registry's forms.
internal static class SelectOptions
{
    public static async Task<List<SelectListItem>> MinistriesAsync(MinistriesDbContext db, bool allowNone, CancellationToken cancellationToken)
    {
        var ministries = await db.Ministries.AsNoTracking().OrderBy(m => m.Code)
            .Select(m => new { m.Id, m.Code, m.NameNb, m.NameEn, m.NameNn })
            .ToListAsync(cancellationToken);
        var options = ministries
            .Select(m => new SelectListItem($"{m.Code} – {Localized.Name(m.NameNb, m.NameEn, m.NameNn)}", m.Id.ToString()))
            .ToList();
        options.Insert(0, new SelectListItem(allowNone ? Localized.T("Ingen", "None") : Localized.T("Velg departement", "Choose a ministry"), ""));
        return options;
    }

    public static async Task<List<SelectListItem>> AgenciesAsync(MinistriesDbContext db, CancellationToken cancellationToken)
    {
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Ministry!.Code).ThenBy(a => a.NameNb)
            .Select(a => new { a.Id, Ministry = a.Ministry!.Code, a.NameNb })
            .ToListAsync(cancellationToken);
        var options = agencies.Select(a => new SelectListItem($"{a.Ministry} – {a.NameNb}", a.Id.ToString())).ToList();
        options.Insert(0, new SelectListItem(Localized.T("Ingen (arbeider i departementet)", "None (works in the ministry)"), ""));
        return options;
    }
}
