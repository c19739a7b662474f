using Samordning.Shared.Process;
using Samordning.Shared.Time;

namespace Samordning.Host.Process;

// The white paper's public process, merged from every module's IProcessSource. The sources are asked without a
// person, so the page and the feeds hold only what each module has published; the host reads no module's data.
internal sealed class ProcessTimeline(IEnumerable<IProcessSource> sources, IClock clock)
{
    public async Task<ProcessSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var events = new List<ProcessEvent>();
        foreach (var source in sources)
        {
            events.AddRange(await source.GetPublicEventsAsync(now, cancellationToken));
        }

        return new(now, [.. events.OrderBy(e => e.StartsAt).ThenBy(e => e.Order).ThenBy(e => e.Key, StringComparer.Ordinal)]);
    }
}

internal sealed record ProcessSnapshot(DateTimeOffset Now, IReadOnlyList<ProcessEvent> Events)
{
    // The feeds' "updated" and Last-Modified: the latest change of anything shown (the epoch when nothing is).
    public DateTimeOffset LastUpdated => Events.Count == 0 ? DateTimeOffset.UnixEpoch : Events.Max(e => e.UpdatedAt);

    // Steps still ahead or under way: a meeting not ended, a round still open, a milestone today or later.
    public IEnumerable<ProcessEvent> Coming => Events.Where(e => e.Kind != ProcessEventKind.Response && !IsPast(e));

    // What has happened, newest first.
    public IEnumerable<ProcessEvent> Past => Events.Where(e => e.Kind != ProcessEventKind.Response && IsPast(e)).Reverse();

    // "You said, we did": published responses, newest first.
    public IEnumerable<ProcessEvent> Responses => Events.Where(e => e.Kind == ProcessEventKind.Response).OrderByDescending(e => e.StartsAt);

    private bool IsPast(ProcessEvent e) => e.Day is { } day
        ? day < Oslo.DateOf(Now)
        : (e.EndsAt ?? e.StartsAt) < Now;
}
