using Samordning.Feedback.Data;
using Samordning.Shared.Jobs;
using Samordning.Shared.Time;

namespace Samordning.Feedback.Privacy;

// Personal data is kept for the round's retention period after its deadline, then removed: the name, e-mail
// and the consent to publish the name. The organisation and the input itself stay, because the white paper's
// record of who said what as an organisation is not personal data.
internal sealed class AnonymiseExpiredInput(FeedbackDbContext db, IClock clock) : IRecurringJob
{
    public string Id => "feedback.anonymise";

    // Nightly, when nobody is assessing.
    public string Cron => "15 2 * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var rounds = await db.Rounds.Where(r => r.AnonymisedAt == null).ToListAsync(cancellationToken);
        foreach (var round in rounds.Where(r => DateRange.AddMonthsClamped(r.Deadline, r.RetentionMonths) <= now))
        {
            var items = await db.Items.Where(i => i.RoundId == round.Id && i.AnonymisedAt == null).ToListAsync(cancellationToken);
            foreach (var item in items)
            {
                Anonymise(item, now);
            }

            round.AnonymisedAt = now;

            // One round per save: a crash half-way leaves whole rounds done, and a second run finishes the rest.
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public static void Anonymise(FeedbackItem item, DateTimeOffset now)
    {
        item.ContributorName = null;
        item.ContributorEmail = null;
        item.ConsentToPublishName = false;
        item.AnonymisedAt = now;
    }
}
