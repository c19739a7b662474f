using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Samordning.Shared.Search;

/// <summary>
/// Fills the search index of rows written before it existed (or around EF Core, in bulk): rows whose index is
/// empty, since every save writes at least the section separators; on PostgreSQL then the suffix text
/// (<see cref="SearchSuffixes"/>) of rows that have none. Each row is updated without touching its version or the
/// audit log, so it is safe while people edit and on several nodes at once.
/// </summary>
public static class SearchIndexBackfill
{
    private const int Batch = 500;

    /// <summary>Indexes every row of <typeparamref name="T"/> whose index (or, on PostgreSQL, suffix text) is missing; returns how many.</summary>
    public static async Task<int> RunAsync<T>(DbContext db, CancellationToken cancellationToken)
        where T : class, ISearchIndexed
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties.Single();
        var suffixes = db.Database.IsNpgsql();
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
                break;
            }

            foreach (var row in rows)
            {
                var index = SearchIndex.Of(row.SearchDocument());
                var suffixText = suffixes ? SearchSuffixes.Of(index) : null;
                await db.Set<T>().Where(KeyEquals<T>(key.Name, key.ClrType, key.PropertyInfo!.GetValue(row)))
                    .ExecuteUpdateAsync(
                        set => set.SetProperty(r => EF.Property<string>(r, SearchIndex.PropertyName), index)
                            .SetProperty(r => EF.Property<string?>(r, SearchSuffixes.PropertyName), suffixText),
                        cancellationToken);
            }

            done += rows.Count;
        }

        return suffixes ? done + await SuffixesAsync<T>(db, key, cancellationToken) : done;
    }

    // The rows of an index without suffix text (written before the column, or in bulk): a batch read, its suffixes
    // made here, and one UPDATE of the batch, of rows whose index is still the one read (a save in between wrote its
    // own suffixes). Stops when a batch changes nothing, so a row that keeps changing cannot hold it up.
    private static async Task<int> SuffixesAsync<T>(DbContext db, IProperty key, CancellationToken cancellationToken)
        where T : class, ISearchIndexed
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = $"\"{entity.GetSchema()}\".\"{entity.GetTableName()}\"";
        var keyColumn = key.GetColumnName();
        var done = 0;
        while (true)
        {
            var rows = await db.Set<T>().AsNoTracking()
                .Where(r => EF.Property<string?>(r, SearchSuffixes.PropertyName) == null)
                .OrderBy(r => EF.Property<object>(r, key.Name))
                .Select(r => new { Key = EF.Property<object>(r, key.Name), Index = EF.Property<string>(r, SearchIndex.PropertyName) })
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return done;
            }

            var keys = Array.CreateInstance(key.ClrType, rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                keys.SetValue(rows[i].Key, i);
            }

            // The names come from the model; the values go in as parameters.
            var sql = $$"""
                UPDATE {{table}} AS t SET "{{SearchSuffixes.PropertyName}}" = v.row_suffixes
                FROM unnest({0}, {1}, {2}) AS v(row_key, row_index, row_suffixes)
                WHERE t."{{keyColumn}}" = v.row_key AND t."{{SearchIndex.PropertyName}}" = v.row_index AND t."{{SearchSuffixes.PropertyName}}" IS NULL
                """;
            var changed = await db.Database.ExecuteSqlRawAsync(
                sql, [keys, rows.Select(r => r.Index).ToArray(), rows.Select(r => SearchSuffixes.Of(r.Index)).ToArray()], cancellationToken);
            if (changed == 0)
            {
                return done;
            }

            done += changed;
        }
    }

    private static Expression<Func<T, bool>> KeyEquals<T>(string name, Type type, object? value)
    {
        var row = Expression.Parameter(typeof(T), "r");
        return Expression.Lambda<Func<T, bool>>(Expression.Equal(Expression.Property(row, name), Expression.Constant(value, type)), row);
    }
}
