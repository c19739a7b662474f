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
internal sealed class LiveItemInsert
{
    private static LiveItemInsert? sqliteInsert;
    private static LiveItemInsert? sqlServerInsert;
    private static LiveItemInsert? postgresInsert;

    private readonly string sql;
    private readonly ValueConverter? atConverter;

    private LiveItemInsert(string sql, ValueConverter? atConverter) => (this.sql, this.atConverter) = (sql, atConverter);

    public static LiveItemInsert For(HostDbContext db) =>
        db.Database.IsSqlite() ? sqliteInsert ??= Build(db, Dialect.Sqlite)
        : db.Database.IsNpgsql() ? postgresInsert ??= Build(db, Dialect.PostgreSql)
        : sqlServerInsert ??= Build(db, Dialect.SqlServer);

    /// <summary>A command for this insert, to run once or many times with <see cref="RunAsync"/>.</summary>
    public DbCommand Create(DbConnection connection, DbTransaction? transaction)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in (ReadOnlySpan<string>)["@topic", "@type", "@payload", "@at"])
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
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
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private enum Dialect { Sqlite, SqlServer, PostgreSql }

    private static LiveItemInsert Build(HostDbContext db, Dialect dialect)
    {
        var entity = db.Model.FindEntityType(typeof(LiveItemRow))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sqlHelper = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sqlHelper.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        var name = sqlHelper.DelimitIdentifier(table.Name, table.Schema);
        var (topic, sequence, type, payload, at) = (Column(nameof(LiveItemRow.Topic)), Column(nameof(LiveItemRow.Sequence)),
            Column(nameof(LiveItemRow.Type)), Column(nameof(LiveItemRow.Payload)), Column(nameof(LiveItemRow.At)));
        var sql = dialect is Dialect.Sqlite or Dialect.PostgreSql
            ? $"""
               INSERT INTO {name} ({topic}, {sequence}, {type}, {payload}, {at})
               SELECT @topic, COALESCE(MAX({sequence}), 0) + 1, @type, @payload, @at FROM {name} WHERE {topic} = @topic
               RETURNING {sequence};
               """
            : $"""
               INSERT INTO {name} ({topic}, {sequence}, {type}, {payload}, {at})
               OUTPUT INSERTED.{sequence}
               SELECT @topic, COALESCE(MAX({sequence}), 0) + 1, @type, @payload, @at FROM {name} WITH (UPDLOCK, HOLDLOCK) WHERE {topic} = @topic;
               """;
        return new LiveItemInsert(sql, entity.FindProperty(nameof(LiveItemRow.At))!.GetTypeMapping().Converter);
    }
}

/// <summary>An item to store: its topic, type and JSON payload.</summary>
internal readonly record struct LiveRow(string Topic, string Type, string Json);
