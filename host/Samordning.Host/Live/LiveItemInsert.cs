using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Samordning.Host.Data;

namespace Samordning.Host.Live;

// One statement that takes the topic's next sequence number and inserts the item: MAX over the unique index
// (topic, sequence) is a seek to the topic's last row, not a scan, and no transaction is held open across
// round trips. SQLite runs one writer at a time, so the statement is atomic across processes; on SQL Server,
// UPDLOCK + HOLDLOCK lock the topic's key range until the insert, so two nodes cannot both read the same
// maximum; on PostgreSQL two nodes can, and the unique index turns the second into a clash. The unique index stays
// as the last word on every server (a clash retries). Table and column names come from the model.
// An item from a module's outbox carries the outbox row's id as its source: when an item with that source is
// stored already (a redelivery), nothing is inserted and the stored item's sequence number is returned.
internal sealed class LiveItemInsert
{
    private static LiveItemInsert? SqliteInsert;
    private static LiveItemInsert? SqlServerInsert;
    private static LiveItemInsert? PostgresInsert;

    private readonly string sql;
    private readonly string storedSql;
    private readonly ValueConverter? atConverter;
    private readonly Dialect dialect;

    private LiveItemInsert(string sql, string storedSql, ValueConverter? atConverter, Dialect dialect) =>
        (this.sql, this.storedSql, this.atConverter, this.dialect) = (sql, storedSql, atConverter, dialect);

    private enum Dialect { Sqlite, SqlServer, PostgreSql }

    public static LiveItemInsert For(HostDbContext db) =>
        db.Database.IsSqlite() ? SqliteInsert ??= Build(db, Dialect.Sqlite)
        : db.Database.IsNpgsql() ? PostgresInsert ??= Build(db, Dialect.PostgreSql)
        : SqlServerInsert ??= Build(db, Dialect.SqlServer);

    /// <summary>A command for this insert, to run once or many times with <see cref="RunAsync"/>.</summary>
    public DbCommand Create(DbConnection connection, DbTransaction? transaction)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in (ReadOnlySpan<string>)["@topic", "@type", "@payload", "@at", "@source"])
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        // PostgreSQL must know the source's type even when it is null ("@source IS NULL").
        if (dialect == Dialect.PostgreSql)
        {
            command.Parameters[4].DbType = System.Data.DbType.Guid;
        }

        return command;
    }

    /// <summary>Inserts one item with <paramref name="command"/> (from <see cref="Create"/>); returns its sequence number.</summary>
    public async Task<long> RunAsync(DbCommand command, LiveRow row, DateTimeOffset at, CancellationToken cancellationToken)
    {
        command.Parameters[0].Value = row.Topic;
        command.Parameters[1].Value = row.Type;
        command.Parameters[2].Value = row.Json;
        command.Parameters[3].Value = atConverter is null ? at : atConverter.ConvertToProvider(at);
        // EF Core stores a Guid on SQLite as upper-case text.
        command.Parameters[4].Value = row.SourceId is not { } source ? DBNull.Value : dialect == Dialect.Sqlite ? source.ToString().ToUpperInvariant() : source;
        if (await command.ExecuteScalarAsync(cancellationToken) is { } inserted and not DBNull)
        {
            return Convert.ToInt64(inserted, CultureInfo.InvariantCulture);
        }

        await using var stored = command.Connection!.CreateCommand();
        stored.CommandText = storedSql;
        stored.Transaction = command.Transaction;
        var parameter = stored.CreateParameter();
        parameter.ParameterName = "@source";
        parameter.Value = command.Parameters[4].Value;
        if (dialect == Dialect.PostgreSql)
        {
            parameter.DbType = System.Data.DbType.Guid;
        }
        stored.Parameters.Add(parameter);
        return Convert.ToInt64(await stored.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static LiveItemInsert Build(HostDbContext db, Dialect dialect)
    {
        var entity = db.Model.FindEntityType(typeof(LiveItemRow))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sqlHelper = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sqlHelper.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        var name = sqlHelper.DelimitIdentifier(table.Name, table.Schema);
        var (topic, sequence, type, payload, at, source) = (Column(nameof(LiveItemRow.Topic)), Column(nameof(LiveItemRow.Sequence)),
            Column(nameof(LiveItemRow.Type)), Column(nameof(LiveItemRow.Payload)), Column(nameof(LiveItemRow.At)), Column(nameof(LiveItemRow.SourceId)));

        // The next number is a scalar subquery of MAX alone: SQLite (3.53) seeks the index's last entry for that, but
        // scans every item of the topic when MAX sits in a derived table beside other columns, which made each note
        // slower the longer its meeting ran (see docs/benchmarks.md, "The entry write has regressed").
        var notStored = $"WHERE @source IS NULL OR NOT EXISTS (SELECT 1 FROM {name} WHERE {source} = @source)";
        var sql = dialect is Dialect.Sqlite or Dialect.PostgreSql
            ? $"""
               INSERT INTO {name} ({topic}, {sequence}, {type}, {payload}, {at}, {source})
               SELECT @topic, COALESCE((SELECT MAX({sequence}) FROM {name} WHERE {topic} = @topic), 0) + 1, @type, @payload, @at, @source
               {notStored}
               RETURNING {sequence};
               """
            : $"""
               INSERT INTO {name} ({topic}, {sequence}, {type}, {payload}, {at}, {source})
               OUTPUT INSERTED.{sequence}
               SELECT @topic, COALESCE((SELECT MAX({sequence}) FROM {name} WITH (UPDLOCK, HOLDLOCK) WHERE {topic} = @topic), 0) + 1, @type, @payload, @at, @source
               {notStored};
               """;
        var storedSql = $"SELECT {sequence} FROM {name} WHERE {source} = @source";
        return new LiveItemInsert(sql, storedSql, entity.FindProperty(nameof(LiveItemRow.At))!.GetTypeMapping().Converter, dialect);
    }
}

/// <summary>An item to store: its topic, type and JSON payload, and the outbox row it came from, if any.</summary>
internal readonly record struct LiveRow(string Topic, string Type, string Json, Guid? SourceId = null);
