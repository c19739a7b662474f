using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Samordning.Shared.Persistence;

// BulkInserts on PostgreSQL: one binary COPY per table, in one transaction on the context's connection. SaveChanges
// sends the rows as batched INSERT statements through the whole update pipeline, which for a sweep's 20,000 rows
// took seconds where the database's own work takes a fraction of one. The columns and values come from the EF model
// (table and column names, each value through the property's value converter: instants to UTC, enums to text), so
// the rows are the ones SaveChanges would store; Npgsql writes each value in the binary form of its CLR type, which
// PostgreSQL reads into the column (text into varchar, Guid into uuid). A unique key fails the whole COPY, and
// nothing is stored: the same answer SaveChanges gives on a server.
//
// Not for audited or versioned entities (the AuditingInterceptor runs in SaveChanges, which this bypasses).
internal static class PostgresBulkInsert
{
    private static readonly ConditionalWeakTable<IModel, Dictionary<Type, TableCopy>> Copies = [];

    public static async Task InsertAsync(DbContext db, IReadOnlyList<object[]> groups, CancellationToken cancellationToken)
    {
        // Tables in the order their rows first come, so a row another row refers to is written first.
        var tables = new List<(Type Type, List<object> Rows)>();
        foreach (var row in groups.SelectMany(g => g))
        {
            var index = tables.FindIndex(t => t.Type == row.GetType());
            if (index < 0)
            {
                tables.Add((row.GetType(), []));
                index = tables.Count - 1;
            }

            tables[index].Rows.Add(row);
        }

        var copies = Copies.GetValue(db.Model, _ => []);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var ownTransaction = db.Database.CurrentTransaction is null;
            await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            foreach (var (type, rows) in tables)
            {
                TableCopy copy;
                lock (copies)
                {
                    if (!copies.TryGetValue(type, out copy!))
                    {
                        copy = TableCopy.Build(db, type);
                        copies[type] = copy;
                    }
                }

                await copy.WriteAsync(connection, rows, cancellationToken);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (PostgresException e)
        {
            throw new DbUpdateException("Inserting the rows in one transaction failed; nothing was stored.", e);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // One table's COPY of every mapped column, and how each column's value is read and converted.
    private sealed class TableCopy(string command, IReadOnlyList<Func<object, object?>> columns)
    {
        public static TableCopy Build(DbContext db, Type type)
        {
            var (table, properties) = BulkTable.Of(db, type);
            var sql = db.GetService<ISqlGenerationHelper>();
            var names = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
            var columns = properties.Select(p =>
            {
                var get = p.GetGetter();
                var converter = p.GetRelationalTypeMapping().Converter;
                return converter is null ? (Func<object, object?>)get.GetClrValue : row => get.GetClrValue(row) is { } value ? converter.ConvertToProvider(value) : null;
            }).ToList();
            return new TableCopy($"COPY {sql.DelimitIdentifier(table.Name, table.Schema)} ({names}) FROM STDIN (FORMAT BINARY)", columns);
        }

        public async Task WriteAsync(NpgsqlConnection connection, List<object> rows, CancellationToken cancellationToken)
        {
            await using var importer = await connection.BeginBinaryImportAsync(command, cancellationToken);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                foreach (var column in columns)
                {
                    if (column(row) is { } value)
                    {
                        await importer.WriteAsync(value, cancellationToken);
                    }
                    else
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }
    }
}
