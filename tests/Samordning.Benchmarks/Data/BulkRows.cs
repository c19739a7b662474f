using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Samordning.Shared.Search;

namespace Samordning.Benchmarks.Data;

// Rows gathered for one store and written in one transaction: with PostgreSQL's binary COPY per table (Npgsql), or
// with one prepared INSERT per table on SQLite (Microsoft.Data.Sqlite). Values come as the product's types (Guid,
// DateTimeOffset, DateOnly, string, int, long, bool); BenchDatabase turns them into SQLite's stored forms. Tables are
// written in the order they were first added, so a referenced table comes before the tables that refer to it.
internal sealed class BulkRows(BenchDatabase database, string store)
{
    private readonly List<(string Table, string[] Columns, List<object?[]> Rows)> tables = [];

    public void Add(string table, string[] columns, params object?[] values)
    {
        // A row with a search index gets its suffix text on PostgreSQL, which the product's saves write beside it
        // (SearchSuffixes) and its search reads: a row without it would not be found.
        if (database.OnPostgres && Array.IndexOf(columns, SearchIndex.PropertyName) is var searchIndex and >= 0)
        {
            columns = [.. columns, SearchSuffixes.PropertyName];
            values = [.. values, SearchSuffixes.Of((string)values[searchIndex]!)];
        }

        var index = tables.FindIndex(t => t.Table == table);
        if (index < 0)
        {
            tables.Add((table, columns, []));
            index = tables.Count - 1;
        }

        tables[index].Rows.Add(values);
    }

    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(store, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (table, columns, rows) in tables)
        {
            var columnList = string.Join(", ", columns.Select(c => $"\"{c}\""));
            if (connection is NpgsqlConnection postgres)
            {
                await CopyAsync(postgres, $"COPY {database.Table(store, table)} ({columnList}) FROM STDIN (FORMAT BINARY)", rows, cancellationToken);
            }
            else
            {
                await InsertAsync(connection, transaction, $"INSERT INTO {database.Table(store, table)} ({columnList}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})", rows, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        tables.Clear();
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string copy, List<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var value in row)
            {
                await (value switch
                {
                    null => importer.WriteNullAsync(cancellationToken),
                    Guid id => importer.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken),
                    DateTimeOffset at => importer.WriteAsync(at.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken),
                    DateOnly day => importer.WriteAsync(day, NpgsqlDbType.Date, cancellationToken),
                    string text => importer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken),
                    int number => importer.WriteAsync(number, NpgsqlDbType.Integer, cancellationToken),
                    long number => importer.WriteAsync(number, NpgsqlDbType.Bigint, cancellationToken),
                    bool flag => importer.WriteAsync(flag, NpgsqlDbType.Boolean, cancellationToken),
                    _ => throw new InvalidOperationException($"No COPY type for {value.GetType()}."),
                });
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private async Task InsertAsync(DbConnection connection, DbTransaction transaction, string insert, List<object?[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = await database.CommandAsync(connection, insert, cancellationToken, transaction, [.. rows[0].Select((_, i) => ($"@p{i}", (object?)null))]);
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                command.Parameters[i].Value = database.Value(row[i]) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
