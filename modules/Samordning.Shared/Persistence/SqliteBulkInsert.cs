using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SQLitePCL;

namespace Samordning.Shared.Persistence;

// BulkInserts on SQLite: new rows inserted the way a bulk copy would, one prepared statement per table, bound and
// stepped through SQLite's own API for every row of it. SaveChanges sends one INSERT per row through the whole
// update pipeline, and even a prepared SqliteCommand costs several microseconds per row in reader set-up and
// parameter conversion, which for a sweep's 20,000 rows was more than SQLite's own work. The statement and the
// values come from the EF model, so the rows are the ones SaveChanges would store: table and column names, each
// value through the property's value converter (DateTimeOffset to ticks, enums to text), then stored as
// Microsoft.Data.Sqlite stores it (Guids as upper-case text, integers and booleans as integers). A test compares
// every column with what SaveChanges stores.
//
// Not for audited or versioned entities (the AuditingInterceptor runs in SaveChanges, which this bypasses).
internal static class SqliteBulkInsert
{
    private static readonly ConditionalWeakTable<IModel, Dictionary<(Type, bool), TableInsert>> Statements = [];

    // The rows on an open connection, in its transaction (the caller's, which commits or rolls back): a group whose
    // first row is stored already is skipped whole (false); any other failure throws.
    public static bool[] Insert(DbContext db, SqliteConnection connection, IReadOnlyList<object[]> groups, CancellationToken cancellationToken)
    {
        var tables = Statements.GetValue(db.Model, _ => []);
        var stored = new bool[groups.Count];
        var handle = connection.Handle!;
        var statements = new Dictionary<(Type, bool), (TableInsert Table, sqlite3_stmt Statement)>();
        var text = new Utf8Buffer();
        try
        {
            for (var g = 0; g < groups.Count; g++)
            {
                if (g % 1000 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var rows = groups[g];
                stored[g] = true;
                for (var r = 0; r < rows.Length && stored[g]; r++)
                {
                    var key = (rows[r].GetType(), r == 0);
                    if (!statements.TryGetValue(key, out var insert))
                    {
                        var table = TableFor(db, tables, key);
                        insert = (table, table.Prepare(handle));
                        statements[key] = insert;
                    }

                    stored[g] = insert.Table.Insert(handle, insert.Statement, rows[r], text);
                }
            }

            return stored;
        }
        catch (SqliteException e)
        {
            throw new DbUpdateException("Inserting the rows in one transaction failed; nothing was stored.", e);
        }
        finally
        {
            foreach (var (_, statement) in statements.Values)
            {
                statement.Dispose();
            }
        }
    }

    private static TableInsert TableFor(DbContext db, Dictionary<(Type, bool), TableInsert> tables, (Type Type, bool SkipWhenStored) key)
    {
        lock (tables)
        {
            if (!tables.TryGetValue(key, out var table))
            {
                table = TableInsert.Build(db, key.Type, key.SkipWhenStored);
                tables[key] = table;
            }

            return table;
        }
    }

    // One table's INSERT of every mapped column, and how each column's value is read and converted.
    private sealed class TableInsert(string sql, IReadOnlyList<Func<object, object?>> columns)
    {
        public static TableInsert Build(DbContext db, Type type, bool skipWhenStored)
        {
            var (table, properties) = BulkTable.Of(db, type);
            var sqlHelper = db.GetService<ISqlGenerationHelper>();
            var columns = properties.Select(p => Reader(type, p, p.GetRelationalTypeMapping().Converter)).ToList();
            var names = string.Join(", ", properties.Select(p => sqlHelper.DelimitIdentifier(p.GetColumnName(table)!)));
            var values = string.Join(", ", columns.Select((_, i) => $"?{i + 1}"));
            var sql = $"INSERT INTO {sqlHelper.DelimitIdentifier(table.Name, table.Schema)} ({names}) VALUES ({values}){(skipWhenStored ? " ON CONFLICT DO NOTHING" : "")};";
            return new TableInsert(sql, columns);
        }

        public sqlite3_stmt Prepare(sqlite3 connection)
        {
            var rc = raw.sqlite3_prepare_v2(connection, sql, out var statement);
            SqliteException.ThrowExceptionForRC(rc, connection);
            return statement;
        }

        // Binds one row's values and steps; true when the row was inserted (false: ON CONFLICT DO NOTHING met it).
        public bool Insert(sqlite3 connection, sqlite3_stmt statement, object row, Utf8Buffer text)
        {
            raw.sqlite3_reset(statement);
            for (var i = 0; i < columns.Count; i++)
            {
                var rc = Bind(statement, i + 1, columns[i](row), text);
                if (rc != raw.SQLITE_OK)
                {
                    SqliteException.ThrowExceptionForRC(rc, connection);
                }
            }

            var step = raw.sqlite3_step(statement);
            if (step != raw.SQLITE_DONE)
            {
                raw.sqlite3_reset(statement);
                SqliteException.ThrowExceptionForRC(step, connection);
            }

            return raw.sqlite3_changes(connection) == 1;
        }

        // A provider value as Microsoft.Data.Sqlite binds it for the EF mappings of these tables.
        private static int Bind(sqlite3_stmt statement, int index, object? value, Utf8Buffer text) => value switch
        {
            null => raw.sqlite3_bind_null(statement, index),
            string s => raw.sqlite3_bind_text(statement, index, text.Encode(s)),
            Guid g => raw.sqlite3_bind_text(statement, index, text.EncodeUpper(g)),
            long l => raw.sqlite3_bind_int64(statement, index, l),
            int n => raw.sqlite3_bind_int64(statement, index, n),
            bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
            double d => raw.sqlite3_bind_double(statement, index, d),
            byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
            _ => throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture, $"SqliteBulkInsert does not bind {value.GetType().Name} values.")),
        };

        // A column's provider value from a row: the property read and its value converter applied (to a value, never
        // to null, as EF does), compiled once per table instead of EF's general getter and boxed converter per value.
        private static Func<object, object?> Reader(Type type, IProperty property, ValueConverter? converter)
        {
            var row = Expression.Parameter(typeof(object), "row");
            Expression value = Expression.MakeMemberAccess(Expression.Convert(row, type), property.GetMemberInfo(forMaterialization: false, forSet: false));
            Expression boxed = Expression.Convert(value, typeof(object));
            if (converter is not null)
            {
                var nullable = Nullable.GetUnderlyingType(value.Type) is not null;
                var input = nullable ? Expression.Property(value, nameof(Nullable<int>.Value)) : value;
                var converted = Expression.Convert(
                    Expression.Invoke(converter.ConvertToProviderExpression, Expression.Convert(input, converter.ModelClrType)), typeof(object));
                Expression? isNull = nullable ? Expression.Not(Expression.Property(value, nameof(Nullable<int>.HasValue)))
                    : value.Type.IsValueType ? null
                    : Expression.ReferenceEqual(value, Expression.Constant(null, value.Type));
                boxed = isNull is null ? converted : Expression.Condition(isNull, Expression.Constant(null, typeof(object)), converted);
            }

            return Expression.Lambda<Func<object, object?>>(boxed, row).Compile();
        }
    }

    // One reused buffer for the UTF-8 form of each text value; SQLite copies it when it binds (SQLITE_TRANSIENT).
    private sealed class Utf8Buffer
    {
        private byte[] buffer = new byte[1024];

        public ReadOnlySpan<byte> Encode(string value)
        {
            var needed = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (needed > buffer.Length)
            {
                buffer = new byte[Math.Max(needed, buffer.Length * 2)];
            }

            return buffer.AsSpan(0, Encoding.UTF8.GetBytes(value, buffer));
        }

        // A Guid as Microsoft.Data.Sqlite stores it in a text column: upper-case, with hyphens.
        public ReadOnlySpan<byte> EncodeUpper(Guid value)
        {
            value.TryFormat(buffer, out var written);
            var span = buffer.AsSpan(0, written);
            Ascii.ToUpperInPlace(span, out _);
            return span;
        }
    }
}
