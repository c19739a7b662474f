using Microsoft.Extensions.Configuration;
using Samordning.Feedback.Data;
using Samordning.Feedback.Rounds;
using Samordning.Feedback.Submissions;
using Samordning.Shared.Time;

namespace Samordning.Feedback.Seed;

// Demo data for the embedded default (Modules:Feedback:SeedDemoData): an open public input round, like the
// suppliers' round of spring 2018, and a few items in the register. Runs only on an empty module.
internal sealed class SeedDemoFeedback(FeedbackDbContext db, IConfiguration configuration, IClock clock) : IModuleInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Modules:Feedback:SeedDemoData", false) || await db.Rounds.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.UtcNow;
        var today = Oslo.DateOf(now);
        var round = new InputRound
        {
            Title = "Innspill til stortingsmeldingen om innovasjon i offentlig sektor",
            Description = "Kommunal- og moderniseringsdepartementet ønsker innspill fra leverandører, forskningsmiljøer, organisasjoner og innbyggere. Vi vil ikke skrive meldingen inne i departementet med noen få eksperter, men involvere bredt.",
            Audience = Audience.Suppliers | Audience.Research | Audience.Organisations | Audience.Citizens,
            OpensAt = now.AddDays(-7),
            Deadline = RoundTexts.FromOsloLocal(today.AddDays(30).ToDateTime(new TimeOnly(23, 59))),
            IsPublic = true,
            RetentionMonths = 24,
            CreatedAt = now,
            CreatedBy = "system",
        };
        round.Questions.Add(new RoundQuestion { Order = 0, Text = "Hva hindrer innovasjon i offentlig sektor i dag?" });
        round.Questions.Add(new RoundQuestion { Order = 1, Text = "Hvordan kan staten samarbeide bedre med leverandører og forskningsmiljøer?" });
        db.Rounds.Add(round);

        db.Items.Add(new FeedbackItem
        {
            Reference = References.New(),
            RoundId = round.Id,
            Channel = Channel.Email,
            Source = "E-post til postmottaket",
            ReceivedAt = now.AddDays(-3),
            ContributorType = ContributorType.Supplier,
            OrganisationName = "Eksempel Rådgivning AS",
            Text = "Innovasjonsvennlige anskaffelser krever at oppdragsgiver beskriver behovet, ikke løsningen. Tilby gjerne en-til-en-møter tidlig.",
            ConsentToPublish = true,
            Published = true,
            Status = FeedbackStatus.BeingAssessed,
            Tags = { new FeedbackTag { Tag = "innovasjonsvennlig anskaffelse" } },
        });
        db.Items.Add(new FeedbackItem
        {
            Reference = References.New(),
            RoundId = round.Id,
            Channel = Channel.Letter,
            Source = "Brev",
            ReceivedAt = now.AddDays(-2),
            ContributorType = ContributorType.Research,
            OrganisationName = "Eksempelinstituttet for forvaltningsforskning",
            Text = "Involver innbyggerne i utprøvingen, og mål effekten av forsøkene.",
            Status = FeedbackStatus.Received,
            Tags = { new FeedbackTag { Tag = "forsøk" }, new FeedbackTag { Tag = "brukerinvolvering" } },
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
