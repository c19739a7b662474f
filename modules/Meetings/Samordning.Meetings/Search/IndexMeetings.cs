using Samordning.Meetings.Data;
using Samordning.Shared.Search;

namespace Samordning.Meetings.Search;

// Rows from before the search index (or written in bulk) get theirs at start-up.
internal sealed class IndexMeetings(MeetingsDbContext db) : IModuleInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await SearchIndexBackfill.RunAsync<Meeting>(db, cancellationToken);
        await SearchIndexBackfill.RunAsync<AgendaItem>(db, cancellationToken);
        await SearchIndexBackfill.RunAsync<MeetingEntry>(db, cancellationToken);
    }
}
