using Samordning.Feedback.Data;
using Samordning.Shared.Search;

namespace Samordning.Feedback.Search;

// Rows from before the search index (or written in bulk) get theirs at start-up.
internal sealed class IndexFeedback(FeedbackDbContext db) : IModuleInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await SearchIndexBackfill.RunAsync<FeedbackItem>(db, cancellationToken);
        await SearchIndexBackfill.RunAsync<FeedbackAnswer>(db, cancellationToken);
    }
}
