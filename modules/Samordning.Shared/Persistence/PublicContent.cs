using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Samordning.Shared.Persistence;

/// <summary>
/// An entity the public pages show (<c>/prosess</c>, <c>/innspill</c>): a save that adds, changes or deletes one
/// while it is public before or after moves <see cref="PublicContentVersions"/>, which keys the pages' caches.
/// </summary>
public interface IPublicContent
{
    /// <summary>True while the public pages may show it (published, or able to change what they show).</summary>
    bool IsPublicContent { get; }
}

/// <summary>
/// The version every node agrees on, where there are several (the host keeps it in Redis): read before a public page
/// is rendered or served from a cache, and moved after every committed save that touched public content.
/// </summary>
public interface ISharedPublicContentVersion
{
    /// <summary>The shared version now. Throws when the shared store cannot be reached.</summary>
    Task<long> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Moves the shared version. Throws when the shared store cannot be reached.</summary>
    Task IncrementAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The public-content version that keys every cached public page and fragment: this node's counter, moved by each of
/// its own saves that touch public content, joined on several nodes by the shared version (<see
/// cref="ISharedPublicContentVersion"/>), so a publication on any node shows on every node at the next request.
/// </summary>
public sealed class PublicContentVersions(ISharedPublicContentVersion? shared = null, ILogger<PublicContentVersions>? logger = null)
{
    private long local;
    private int unsentBumps;

    /// <summary>True when the version is this node's alone (one node).</summary>
    public bool IsLocal => shared is null;

    /// <summary>
    /// The key of the content now (the version, and the minute for what changes with the clock: coming or past,
    /// open or closed), or null when it cannot be known (the shared store away): then nothing is served from a cache
    /// or cached. A failure also moves this node's counter, so what it cached before the failure is never served
    /// again: a save on another node while the store was away cannot leave an old page here when it comes back.
    /// </summary>
    public async ValueTask<string?> KeyAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var minute = now.UtcTicks / TimeSpan.TicksPerMinute;
        if (shared is null)
        {
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Interlocked.Read(ref local)}:{minute}");
        }

        try
        {
            await SendUnsentAsync(cancellationToken);
            var version = await shared.ReadAsync(cancellationToken);
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Interlocked.Read(ref local)}:{version}:{minute}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Interlocked.Increment(ref local);
            logger?.LogWarning(e, "The shared public-content version could not be read; the public pages are rendered uncached.");
            return null;
        }
    }

    /// <summary>Moves the version: every cached public page and fragment is rendered again, on every node.</summary>
    public async ValueTask BumpAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref local);
        if (shared is null)
        {
            return;
        }

        Interlocked.Increment(ref unsentBumps);
        try
        {
            await SendUnsentAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Kept and sent before this node next reads the version; the other nodes meanwhile render uncached
            // while the store is away for them too, and at worst keep a page until its minute passes.
            logger?.LogWarning(e, "The shared public-content version could not be moved; it will be at the next read.");
        }
    }

    // Each move is claimed before it is sent and given back if sending fails, so concurrent saves and reads neither
    // lose one nor send one twice.
    private async Task SendUnsentAsync(CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref unsentBumps) is var unsent && unsent > 0)
        {
            if (Interlocked.CompareExchange(ref unsentBumps, unsent - 1, unsent) != unsent)
            {
                continue;
            }

            try
            {
                await shared!.IncrementAsync(cancellationToken);
            }
            catch
            {
                Interlocked.Increment(ref unsentBumps);
                throw;
            }
        }
    }
}

// Notes before a save whether it touches public content (the original values are gone after it) and moves the
// version once the save is done: a page rendered after the bump reads the committed data, whereas a bump before
// the commit would let a render of the old data be cached under the new version. A new submission that nobody has
// published (the deadline rush) is not public before or after, so it leaves the cached pages alone.
internal sealed class PublicContentInterceptor(PublicContentVersions versions) : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> Touched = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        DoneAsync(eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    // Awaited before the save returns, so the writer's answer comes after every node can see the new version.
    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await DoneAsync(eventData.Context, CancellationToken.None);
        return result;
    }

    // A failed save may have written part of a batch on some providers: moving the version costs only a render.
    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        DoneAsync(eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        DoneAsync(eventData.Context, CancellationToken.None).AsTask();

    private static void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var touched = context.ChangeTracker.Entries().Any(e => e.Entity is IPublicContent content && e.State switch
        {
            EntityState.Added => content.IsPublicContent,
            EntityState.Deleted => WasPublic(e),
            EntityState.Modified => content.IsPublicContent || WasPublic(e),
            _ => false,
        });
        if (touched)
        {
            Touched.AddOrUpdate(context, true);
        }
    }

    private static bool WasPublic(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) =>
        entry.OriginalValues.ToObject() is IPublicContent { IsPublicContent: true };

    private ValueTask DoneAsync(DbContext? context, CancellationToken cancellationToken) =>
        context is not null && Touched.Remove(context) ? versions.BumpAsync(cancellationToken) : ValueTask.CompletedTask;
}
