using Samordning.Shared.Process;
using Samordning.Shared.Text;
using Samordning.Shared.Time;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Milestones;

// The published milestones, for the public process page and its feeds.
internal sealed class MilestoneProcess(WorkstreamsDbContext db) : IProcessSource
{
    public async Task<IReadOnlyList<ProcessEvent>> GetPublicEventsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.Published).ToListAsync(cancellationToken);
        return [.. milestones.Select(m => new ProcessEvent(
            $"milestone:{m.Id}",
            ProcessEventKind.Milestone,
            new LocalizedText(m.TitleNb, m.TitleEn ?? m.TitleNb) { Nn = m.TitleNn ?? m.TitleNb },
            DateRange.FromOsloLocal(m.Date.ToDateTime(TimeOnly.MinValue)),
            null,
            m.Date,
            m.DescriptionNb is null ? null : new LocalizedText(m.DescriptionNb, m.DescriptionEn ?? m.DescriptionNb) { Nn = m.DescriptionNn ?? m.DescriptionNb },
            $"/prosess#milestone-{m.Id}",
            [],
            m.UpdatedAt,
            Order: m.Position))];
    }
}
