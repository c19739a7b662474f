using Samordning.Shared.Time;

namespace Samordning.Benchmarks.Hosting;

// The host's IClock: the system clock, unless a benchmark pins it. The reminder sweep decides what is due from
// the clock (sending hours in Oslo, working days), so its benchmark pins a working-day morning to measure the
// same due set whenever it is run; nothing else runs while it is pinned.
internal sealed class BenchmarkClock : IClock
{
    private DateTimeOffset? pinned;

    public DateTimeOffset UtcNow => pinned ?? DateTimeOffset.UtcNow;

    public void Pin(DateTimeOffset at) => pinned = at.ToUniversalTime();

    public void Release() => pinned = null;
}
