using Microsoft.Extensions.Options;
using Samordning.Feedback.Data;
using Samordning.Notifications.Contracts;
using Samordning.Shared.Jobs;
using Samordning.Shared.Time;

namespace Samordning.Feedback.Privacy;

// Personal data is kept for the round's retention period after its deadline, then removed: the name, e-mail
// and the consent to publish the name, with the receipt and their copies in the audit log. The organisation and
// the input itself stay, because the white paper's record of who said what as an organisation is not personal
// data. Input recorded without a round is anonymised Modules:Feedback:Retention:InputWithoutRoundMonths after it
// was received.
internal sealed class AnonymiseExpiredInput(FeedbackDbContext db, IMailErasure mail, IClock clock, IOptions<FeedbackRetention> retention) : IRecurringJob
{
    private const int Batch = 200;

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
            await Contributors.ForgetAsync(db, mail, items, now, cancellationToken);
            round.AnonymisedAt = now;

            // One round per save: a crash half-way leaves whole rounds done, and a second run finishes the rest.
            await db.SaveChangesAsync(cancellationToken);
        }

        var receivedBefore = now.AddMonths(-retention.Value.InputWithoutRoundMonths);
        while (true)
        {
            var items = await db.Items
                .Where(i => i.RoundId == null && i.AnonymisedAt == null && i.ReceivedAt <= receivedBefore)
                .OrderBy(i => i.ReceivedAt)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (items.Count == 0)
            {
                break;
            }

            await Contributors.ForgetAsync(db, mail, items, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
