using Microsoft.Extensions.Configuration;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Workstreams.Seed;

// Demo data for the embedded default (Modules:Workstreams:SeedDemoData): a handful of the sectors' initiatives
// and an open reporting round, so the dashboard shows something on a fresh start. Runs only on an empty module,
// after the workstreams are seeded (SeedWorkstreams calls it).
internal static class SeedDemoInitiatives
{
    private sealed record Demo(string Ministry, string Title, Phase Phase, int Progress, Rag Status, string? Reason, int[] Chapters, string[] Collaborators, string[] Tags);

    private static readonly Demo[] Demos =
    [
        new("FIN", "Skattemelding med forhåndsutfylte opplysninger", Phase.Scaling, 80, Rag.Green, null, [6], [], ["digitalisering"]),
        new("HOD", "Digitale helsetjenester i hjemmet", Phase.InProgress, 45, Rag.Amber, "Avhenger av kommunenes kapasitet", [6, 10], ["KMD"], ["digitalisering", "brukerinvolvering"]),
        new("KD", "Kompetanseløft for innovasjon i skolen", Phase.Planned, 10, Rag.Green, null, [8], [], ["kompetanse"]),
        new("KMD", "Stimuleringsordning for innovasjon og tjenestedesign", Phase.InProgress, 60, Rag.Green, null, [5], ["NFD"], ["innovasjonsvennlig anskaffelse", "brukerinvolvering"]),
        new("NFD", "Innovative anskaffelser i staten", Phase.InProgress, 50, Rag.Amber, "Få leverandører i dialogmøtene", [11], ["KMD", "FIN"], ["innovasjonsvennlig anskaffelse"]),
        new("ASD", "Sammenhengende tjenester for unge utenfor arbeidslivet", Phase.Idea, 5, Rag.Green, null, [10], ["KD", "HOD"], ["brukerinvolvering"]),
        new("JD", "Forsøk med digital anmeldelse", Phase.Completed, 100, Rag.Green, null, [9], [], ["digitalisering", "forsøk"]),
        new("SD", "Forsøk med selvkjørende busser sammen med forskningsmiljøer", Phase.InProgress, 35, Rag.Red, "Regelverket for forsøk er ikke på plass", [9, 12], ["NFD"], ["forsøk"]),
        new("KLD", "Sirkulær økonomi i offentlige innkjøp", Phase.Planned, 15, Rag.Green, null, [11], [], ["innovasjonsvennlig anskaffelse"]),
        new("LMD", "Digital rapportering til Mattilsynet", Phase.Scaling, 70, Rag.Green, null, [6], [], ["digitalisering"]),
    ];

    public static async Task SeedAsync(InitiativeServices deps, IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Modules:Workstreams:SeedDemoData", false) || await deps.Db.Initiatives.AnyAsync(cancellationToken))
        {
            return;
        }

        var ministries = (await deps.Directory.GetMinistriesAsync(cancellationToken)).ToDictionary(m => m.Code);
        var workstreams = await deps.Db.Workstreams.Where(w => w.Chapter != null).ToDictionaryAsync(w => w.Chapter!.Value, w => w.Id, cancellationToken);
        var contacts = await deps.Directory.GetPeopleAsync(null, Roles.ContactPerson, cancellationToken);
        if (ministries.Count == 0 || workstreams.Count == 0)
        {
            return;
        }

        foreach (var demo in Demos.Where(d => ministries.ContainsKey(d.Ministry)))
        {
            var owner = ministries[demo.Ministry];
            var request = new InitiativeRequest(
                demo.Title, null, owner.Id, [], [.. demo.Collaborators.Where(ministries.ContainsKey).Select(c => ministries[c].Id)],
                [.. demo.Chapters.Where(workstreams.ContainsKey).Select(c => workstreams[c])],
                demo.Phase, demo.Progress, demo.Status, demo.Reason, null, null,
                contacts.FirstOrDefault(p => p.MinistryId == owner.Id)?.Id, demo.Tags, [], null, null);
            var (errors, resolved) = await request.ValidateAsync(deps.Db, deps.Directory, cancellationToken);
            if (errors.Any)
            {
                continue;
            }

            var initiative = new Initiative { Title = "", OwningMinistryCode = "" };
            request.ApplyTo(initiative, resolved!, deps.Clock.UtcNow);
            await InitiativeChanges.CreateAsync(deps, initiative, null, cancellationToken);
        }

        deps.Db.ReportingRounds.Add(new ReportingRound
        {
            Title = "Status per 1. mars",
            Description = "Bekreft eller oppdater hvert tiltak, og send inn for departementet.",
            Deadline = deps.Clock.UtcNow.AddDays(21),
            OpenedAt = deps.Clock.UtcNow,
            OpenedBy = "Samordning (demodata)",
        });
        await deps.Db.SaveChangesAsync(cancellationToken);
    }
}
