using Microsoft.Extensions.Configuration;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Workstreams.Seed;

// Seeds an empty module with the white paper's chapters 4–13 as workstreams (shared/DOMAIN.md), then the demo
// initiatives where configured.
internal sealed class SeedWorkstreams(WorkstreamsDbContext db, InitiativeServices deps, IConfiguration configuration) : IModuleInitializer
{
    // Nynorsk only where it differs from Bokmål (null: the same).
    private static readonly (int Chapter, string Nb, string En, string? Nn)[] Chapters =
    [
        (4, "Rammebetingelser for innovasjon", "Framework conditions for innovation", "Rammevilkår for innovasjon"),
        (5, "Virkemidler for innovasjon", "Policy instruments for innovation", "Verkemiddel for innovasjon"),
        (6, "Digitalisering og ny teknologi", "Digitalisation and new technology", null),
        (7, "Kultur for innovasjon", "Culture for innovation", null),
        (8, "Kompetanse for innovasjon", "Competence for innovation", null),
        (9, "Forsøk og utprøving", "Trials and testing", null),
        (10, "Samarbeid om innovasjon", "Collaboration on innovation", null),
        (11, "Innovative anskaffelser og partnerskap med næringslivet", "Innovative procurement and partnerships with business", "Innovative anskaffingar og partnarskap med næringslivet"),
        (12, "Samarbeid med forskningsmiljøer", "Collaboration with research", "Samarbeid med forskingsmiljø"),
        (13, "Realisere verdi og spre innovasjoner", "Realising value and spreading innovations", "Realisere verdi og spreie innovasjonar"),
    ];

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (!await db.Workstreams.AnyAsync(cancellationToken))
        {
            await SeedChaptersAsync(cancellationToken);
        }
        else
        {
            await AddNynorskTitlesAsync(cancellationToken);
        }

        await SeedDemoInitiatives.SeedAsync(deps, configuration, cancellationToken);
    }

    private async Task SeedChaptersAsync(CancellationToken cancellationToken)
    {
        db.Workstreams.AddRange(Chapters.Select(c => new Workstream
        {
            Chapter = c.Chapter,
            TitleNb = c.Nb,
            TitleEn = c.En,
            TitleNn = c.Nn,
            Status = WorkstreamStatus.Active,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    // Workstreams seeded before Nynorsk titles existed get them where they still carry the chapter's Bokmål title;
    // a title someone has set is left alone.
    private async Task AddNynorskTitlesAsync(CancellationToken cancellationToken)
    {
        var titles = Chapters.Where(c => c.Nn is not null).ToDictionary(c => c.Nb, c => c.Nn!);
        var keys = titles.Keys.ToList();
        var missing = await db.Workstreams.Where(w => w.TitleNn == null && keys.Contains(w.TitleNb)).ToListAsync(cancellationToken);
        foreach (var workstream in missing)
        {
            workstream.TitleNn = titles[workstream.TitleNb];
        }

        if (missing.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
