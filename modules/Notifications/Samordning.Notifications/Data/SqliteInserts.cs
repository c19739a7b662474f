using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Samordning.Notifications.Data;

// New rows of the module's own tables inserted in one transaction on SQLite, where SaveChanges sends one INSERT
// per row through the whole update pipeline: here one prepared statement per table, used again for every row of
// it. The statement and the parameters come from the EF model, so the rows are the ones SaveChanges would store:
// table and column names, and each parameter made by the property's type mapping from its CLR value, as EF makes
// it (the value converter turns DateTimeOffset into ticks and enums into text; the mapping binds Guids as text).
// All or nothing: a failure rolls everything back and surfaces as a DbUpdateException, as from SaveChanges.
//
// Not for audited or versioned entities (the AuditingInterceptor runs in SaveChanges, which this bypasses), and
// not queued in the SQLite write queue: its explicit transaction takes the file itself (BEGIN IMMEDIATE, waiting
// in SQLite's busy handler), as a save within a transaction does, and it awaits nothing queued while it holds it.
internal static class SqliteInserts
{
    private static readonly ConditionalWeakTable<IModel, Dictionary<Type, TableInsert>> Statements = [];

    public static async Task InsertAsync(DbContext db, IEnumerable<object> rows, CancellationToken cancellationToken)
    {
        var tables = Statements.GetValue(db.Model, _ => []);
        var commands = new Dictionary<Type, (TableInsert Table, DbCommand Command)>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                foreach (var row in rows)
                {
                    var type = row.GetType();
                    if (!commands.TryGetValue(type, out var insert))
                    {
                        TableInsert table;
                        lock (tables)
                        {
                            if (!tables.TryGetValue(type, out table!))
                            {
                                table = TableInsert.Build(db, type);
                                tables[type] = table;
                            }
                        }

                        insert = (table, table.Create(db.Database.GetDbConnection(), transaction.GetDbTransaction()));
                        commands[type] = insert;
                    }

                    insert.Table.Bind(insert.Command, row);
                    await insert.Command.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbException e)
            {
                throw new DbUpdateException("Inserting the rows in one transaction failed; nothing was stored.", e);
            }
            finally
            {
                foreach (var (_, command) in commands.Values)
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // One table's INSERT of every mapped column, and how each column's value is read and converted.
    private sealed class TableInsert(string sql, IReadOnlyList<TableInsert.Column> columns)
    {
        public static TableInsert Build(DbContext db, Type type)
        {
            if (typeof(IAudited).IsAssignableFrom(type) || typeof(IVersioned).IsAssignableFrom(type))
            {
                throw new InvalidOperationException($"{type.Name} is audited or versioned; only SaveChanges stores it.");
            }

            var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var sqlHelper = db.GetService<ISqlGenerationHelper>();
            var properties = entity.GetProperties().ToList();
            if (properties.FirstOrDefault(p => p.IsShadowProperty() || p.GetComputedColumnSql() is not null) is { } unsupported)
            {
                throw new InvalidOperationException($"{type.Name}.{unsupported.Name} is a shadow or computed column.");
            }

            var columns = properties.Select((p, i) => new Column($"@p{i}", p, p.GetGetter(), p.GetRelationalTypeMapping())).ToList();
            var names = string.Join(", ", properties.Select(p => sqlHelper.DelimitIdentifier(p.GetColumnName(table)!)));
            var sql = $"INSERT INTO {sqlHelper.DelimitIdentifier(table.Name, table.Schema)} ({names}) VALUES ({string.Join(", ", columns.Select(c => c.Parameter))});";
            return new TableInsert(sql, columns);
        }

        // The command with its parameters, each made by the column's type mapping as SaveChanges makes it.
        public DbCommand Create(DbConnection connection, DbTransaction transaction)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = transaction;
            foreach (var column in columns)
            {
                command.Parameters.Add(column.Mapping.CreateParameter(command, column.Parameter, null, column.Property.IsNullable));
            }

            return command;
        }

        // One row's values, through the value converter of the mapping (as CreateParameter converts them).
        public void Bind(DbCommand command, object row)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var column = columns[i];
                var value = column.Getter.GetClrValueUsingContainingEntity(row);
                if (value is not null && column.Mapping.Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }

                command.Parameters[i].Value = value ?? DBNull.Value;
            }
        }

        public sealed record Column(string Parameter, IProperty Property, IClrPropertyGetter Getter, RelationalTypeMapping Mapping);
    }
}
