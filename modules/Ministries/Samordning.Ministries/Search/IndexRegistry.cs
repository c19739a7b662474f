using Samordning.Ministries.Data;
using Samordning.Shared.Search;

namespace Samordning.Ministries.Search;

// Rows from before the search index (or written in bulk) get theirs at start-up.
internal sealed class IndexRegistry(MinistriesDbContext db) : IModuleInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await SearchIndexBackfill.RunAsync<Ministry>(db, cancellationToken);
        await SearchIndexBackfill.RunAsync<Agency>(db, cancellationToken);
        await SearchIndexBackfill.RunAsync<Person>(db, cancellationToken);
    }
}
