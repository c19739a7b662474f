using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Samordning.Shared.Search;

/// <summary>
/// Fills the search index of rows written before it existed (or around EF Core, in bulk): rows whose index is
/// empty, since every save writes at least the section separators. Each row is updated on its own, without
/// touching its version or the audit log, so it is safe while people edit and on several nodes at once.
/// </summary>
public static class SearchIndexBackfill
{
    private const int Batch = 500;

    /// <summary>Indexes every row of <typeparamref name="T"/> whose index is empty; returns how many.</summary>
    public static async Task<int> RunAsync<T>(DbContext db, CancellationToken cancellationToken)
        where T : class, ISearchIndexed
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties.Single();
        var done = 0;
        while (true)
        {
            var rows = await db.Set<T>().AsNoTracking()
                .Where(r => EF.Property<string>(r, SearchIndex.PropertyName) == "")
                .OrderBy(r => EF.Property<object>(r, key.Name))
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return done;
            }

            foreach (var row in rows)
            {
                var index = SearchIndex.Of(row.SearchDocument());
                await db.Set<T>().Where(KeyEquals<T>(key.Name, key.ClrType, key.PropertyInfo!.GetValue(row)))
                    .ExecuteUpdateAsync(set => set.SetProperty(r => EF.Property<string>(r, SearchIndex.PropertyName), index), cancellationToken);
            }

            done += rows.Count;
        }
    }

    private static Expression<Func<T, bool>> KeyEquals<T>(string name, Type type, object? value)
    {
        var row = Expression.Parameter(typeof(T), "r");
        return Expression.Lambda<Func<T, bool>>(Expression.Equal(Expression.Property(row, name), Expression.Constant(value, type)), row);
    }
}
