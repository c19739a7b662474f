using Microsoft.Extensions.Configuration;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Workstreams.Seed;

// Seeds an empty module with the white paper's chapters 4–13 as workstreams (shared/DOMAIN.md), then the demo
// initiatives where configured.
internal sealed class SeedWorkstreams(WorkstreamsDbContext db, InitiativeServices deps, IConfiguration configuration) : IModuleInitializer
{
    private static readonly (int Chapter, string Nb, string En)[] Chapters =
    [
        (4, "Rammebetingelser for innovasjon", "Framework conditions for innovation"),
        (5, "Virkemidler for innovasjon", "Policy instruments for innovation"),
        (6, "Digitalisering og ny teknologi", "Digitalisation and new technology"),
        (7, "Kultur for innovasjon", "Culture for innovation"),
        (8, "Kompetanse for innovasjon", "Competence for innovation"),
        (9, "Forsøk og utprøving", "Trials and testing"),
        (10, "Samarbeid om innovasjon", "Collaboration on innovation"),
        (11, "Innovative anskaffelser og partnerskap med næringslivet", "Innovative procurement and partnerships with business"),
        (12, "Samarbeid med forskningsmiljøer", "Collaboration with research"),
        (13, "Realisere verdi og spre innovasjoner", "Realising value and spreading innovations"),
    ];

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (!await db.Workstreams.AnyAsync(cancellationToken))
        {
            await SeedChaptersAsync(cancellationToken);
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
            Status = WorkstreamStatus.Active,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
