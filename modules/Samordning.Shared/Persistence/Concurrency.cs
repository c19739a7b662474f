using Microsoft.EntityFrameworkCore;
using Samordning.Shared.Http;
using Samordning.Shared.Validation;

namespace Samordning.Shared.Persistence;

/// <summary>Saves an edit of a versioned entity so that a stale edit becomes a conflict, never an overwrite.</summary>
public static class Concurrency
{
    /// <summary>
    /// Applies the edit and saves it when <paramref name="expectedVersion"/> is the stored version. When it is
    /// not, or when someone else saves between our read and our write, returns a conflict with the current state.
    /// </summary>
    public static async Task<Outcome<TResult>> SaveAsync<TEntity, TResult>(
        DbContext db,
        TEntity entity,
        long? expectedVersion,
        Action apply,
        Func<TEntity, TResult> project,
        CancellationToken cancellationToken)
        where TEntity : class, IVersioned
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(apply);
        ArgumentNullException.ThrowIfNull(project);

        if (expectedVersion is null)
        {
            return Outcome.Invalid<TResult>(new FieldErrors().Add(nameof(IVersioned.Version), new(
                "Versjonen du endrer, må oppgis.", "The version you are changing must be given.")));
        }

        if (entity.Version != expectedVersion)
        {
            return Outcome.Conflict(project(entity));
        }

        apply();

        // The WHERE clause of the UPDATE compares with the version the person saw, not the one we read.
        db.Entry(entity).Property(e => e.Version).OriginalValue = expectedVersion.Value;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Ok(project(entity));
        }
        catch (DbUpdateConcurrencyException)
        {
            var entry = db.Entry(entity);
            await entry.ReloadAsync(cancellationToken);
            return entry.State == EntityState.Detached ? Outcome.NotFound<TResult>() : Outcome.Conflict(project(entity));
        }
    }
}
