using Samordning.Shared.Jobs;

namespace Samordning.Feedback.Journal;

// Journals what arrived since the last run, so the public journal is never more than a quarter of an hour behind.
internal sealed class JournalJob(Journaling journaling) : IRecurringJob
{
    public string Id => "feedback.journal";

    public string Cron => "*/15 * * * *";

    public Task RunAsync(CancellationToken cancellationToken) => journaling.JournalPendingAsync(cancellationToken);
}
