using Samordning.Shared.Search;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Search;

// Rows from before the search index (or written in bulk) get theirs at start-up.
internal sealed class IndexWorkstreams(WorkstreamsDbContext db) : IModuleInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await SearchIndexBackfill.RunAsync<Workstream>(db, cancellationToken);
        await SearchIndexBackfill.RunAsync<Initiative>(db, cancellationToken);
    }
}
