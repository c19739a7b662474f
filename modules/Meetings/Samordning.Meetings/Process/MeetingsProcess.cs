using Samordning.Meetings.Data;
using Samordning.Meetings.Materials;
using Samordning.Shared.Overview;
using Samordning.Shared.Process;
using Samordning.Shared.Text;

namespace Samordning.Meetings.Process;

// The module's part of the public process page: published meetings, past and coming, each with what is published
// of it (minutes once they are published too, recordings, presentations). Cancelled meetings are left out.
internal sealed class MeetingsProcess(MeetingsDbContext db) : IProcessSource
{
    public async Task<IReadOnlyList<ProcessEvent>> GetPublicEventsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.Published && m.Status != MeetingStatus.Cancelled)
            .Select(m => new { m.Id, m.Title, m.Description, m.StartsAt, m.EndsAt, m.Place, m.Status, m.MinutesPublished, m.UpdatedAt })
            .ToListAsync(cancellationToken);
        var ids = meetings.Select(m => m.Id).ToList();
        var materials = (await db.Materials.AsNoTracking()
                .Where(m => ids.Contains(m.MeetingId))
                .OrderBy(m => m.AddedAt)
                .Select(m => new { m.MeetingId, View = new MaterialView(m.Id, m.Kind, m.Title, m.Url, m.FileName, m.Size, m.AddedAt, m.AddedBy) })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.MeetingId, m => m.View);

        return [.. meetings.Select(m =>
        {
            var links = new List<OverviewLink>();
            if (m.MinutesPublished)
            {
                links.Add(new($"/moter/offentlig/{m.Id}#referat", new("Referat", "Minutes")));
            }

            links.AddRange(materials[m.Id].Select(v => new OverviewLink(
                v.Href(m.Id),
                v.Kind == MaterialKind.Recording
                    ? new LocalizedText($"Opptak: {v.Title}", $"Recording: {v.Title}")
                    : new LocalizedText($"Presentasjon: {v.Title}", $"Presentation: {v.Title}"))));
            var updated = materials[m.Id].Select(v => v.AddedAt).Append(m.UpdatedAt).Max();
            LocalizedText? status = m.MinutesPublished
                ? new("Referat publisert", "Minutes published")
                : m.Status == MeetingStatus.Live ? new("Pågår nå", "Live now") : m.EndsAt > now ? new("Kommende møte", "Coming meeting") : null;
            var summary = string.Join(" · ", new[] { m.Place, m.Description }.Where(s => !string.IsNullOrWhiteSpace(s)));
            return new ProcessEvent(
                $"meeting:{m.Id}",
                ProcessEventKind.Meeting,
                new LocalizedText(m.Title, m.Title) { Nn = m.Title },
                m.StartsAt,
                m.EndsAt,
                null,
                summary.Length == 0 ? null : new LocalizedText(summary, summary) { Nn = summary },
                $"/moter/offentlig/{m.Id}",
                links,
                updated,
                status);
        })];
    }
}
