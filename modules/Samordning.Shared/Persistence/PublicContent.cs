using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Samordning.Shared.Persistence;

/// <summary>
/// An entity the public pages show (<c>/prosess</c>, <c>/innspill</c>): a save that adds, changes or deletes one
/// while it is public before or after moves <see cref="PublicContentVersion"/>, which keys the pages' cached fragments.
/// </summary>
public interface IPublicContent
{
    /// <summary>True while the public pages may show it (published, or able to change what they show).</summary>
    bool IsPublicContent { get; }
}

/// <summary>
/// This node's public-content version: a Counter moved after every committed save that touched public content.
/// The public pages key their cached fragments by it, so a publication is visible on this node at the next request;
/// other nodes catch up within the fragments' short expiry. Process-wide, as every module's contexts share it.
/// </summary>
public static class PublicContentVersion
{
    private static long Counter;

    /// <summary>The version now: cheap enough to read on every request.</summary>
    public static long Current => Interlocked.Read(ref Counter);

    /// <summary>Moves the version, so every cached public fragment is rendered again.</summary>
    public static void Bump() => Interlocked.Increment(ref Counter);

    /// <summary>
    /// The key for a cached public fragment that also depends on the clock (coming or past, open or closed): the
    /// version and the minute, so a deadline or a meeting's end shows within the minute it passes.
    /// </summary>
    public static string KeyAt(DateTimeOffset now) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Current}:{now.UtcTicks / TimeSpan.TicksPerMinute}");
}

// Notes before a save whether it touches public content (the original values are gone after it) and moves the
// version once the save is done: a page rendered after the bump reads the committed data, whereas a bump before
// the commit would let a render of the old data be cached under the new version. A new submission that nobody has
// published (the deadline rush) is not public before or after, so it leaves the cached pages alone.
internal sealed class PublicContentInterceptor : SaveChangesInterceptor
{
    public static readonly PublicContentInterceptor Instance = new();

    private static readonly ConditionalWeakTable<DbContext, object> Touched = [];

    private PublicContentInterceptor()
    {
    }

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
        Done(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // A failed save may have written part of a batch on some providers: moving the version costs only a render.
    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Done(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return Task.CompletedTask;
    }

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

    private static void Done(DbContext? context)
    {
        if (context is not null && Touched.Remove(context))
        {
            PublicContentVersion.Bump();
        }
    }
}
