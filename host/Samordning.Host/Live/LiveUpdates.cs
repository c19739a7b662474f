using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Samordning.Host.Data;
using Samordning.Shared.Live;
using Samordning.Shared.Time;

namespace Samordning.Host.Live;

// Store first, with the topic's next sequence number; then broadcast. SignalR delivers at most once, so the
// stored item is the guarantee and the broadcast an optimisation: clients fetch gaps with GetAfterAsync.
internal sealed class LiveUpdates(HostDbContext db, IHubContext<LiveHub> hub, IClock clock) : ILiveUpdates
{
    private const int MaxAttempts = 20;

    // Serialises allocation per topic on this node (on SQLite, every topic: one writer per file, and
    // Microsoft.Data.Sqlite waits for a busy file by sleeping 150 ms); across nodes the statement itself decides.
    private static readonly SemaphoreSlim[] Stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<LiveItem> PublishAsync(string topic, string type, object payload, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(payload, payload.GetType(), JsonSerializerOptions.Web);
        var stored = await StoreAsync(topic, type, json, cancellationToken);
        await hub.Clients.Group(topic).SendAsync(LiveHub.ItemMethod, stored, cancellationToken);
        return stored;
    }

    public async Task<IReadOnlyList<LiveItem>> GetAfterAsync(string topic, long after, int max, CancellationToken cancellationToken) =>
        await db.LiveItems.AsNoTracking()
            .Where(i => i.Topic == topic && i.Sequence > after)
            .OrderBy(i => i.Sequence)
            .Take(Math.Clamp(max, 1, 1000))
            .Select(i => new LiveItem(i.Topic, i.Sequence, i.Type, i.Payload, i.At))
            .ToListAsync(cancellationToken);

    public async Task<long> GetLastSequenceAsync(string topic, CancellationToken cancellationToken) =>
        await db.LiveItems.Where(i => i.Topic == topic).MaxAsync(i => (long?)i.Sequence, cancellationToken) ?? 0;

    private async Task<LiveItem> StoreAsync(string topic, string type, string json, CancellationToken cancellationToken)
    {
        var sqlite = db.Database.IsSqlite();
        var stripe = sqlite ? Stripes[0] : Stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(topic) % Stripes.Length)];
        var at = clock.UtcNow;
        var statement = InsertStatement.For(db, sqlite);
        await stripe.WaitAsync(cancellationToken);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        var sequence = await statement.ExecuteAsync(db.Database.GetDbConnection(), topic, type, json, at, cancellationToken);
                        return new LiveItem(topic, sequence, type, json, at);
                    }
                    catch (DbException) when (attempt < MaxAttempts)
                    {
                        // A unique-key clash with another node, or a deadlock victim on SQL Server: try again.
                    }
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        finally
        {
            stripe.Release();
        }
    }

    // One statement that takes the topic's next sequence number and inserts the item: MAX over the unique index
    // (topic, sequence) is a seek to the topic's last row, not a scan, and no transaction is held open across
    // round trips. SQLite runs one writer at a time, so the statement is atomic across processes; on SQL Server,
    // UPDLOCK + HOLDLOCK lock the topic's key range until the insert, so two nodes cannot both read the same
    // maximum. The unique index stays as the last word (a clash retries).
    private sealed class InsertStatement
    {
        private static InsertStatement? sqliteStatement;
        private static InsertStatement? sqlServerStatement;

        private readonly string sql;
        private readonly ValueConverter? atConverter;

        private InsertStatement(string sql, ValueConverter? atConverter) => (this.sql, this.atConverter) = (sql, atConverter);

        public static InsertStatement For(HostDbContext db, bool sqlite) => sqlite
            ? sqliteStatement ??= Build(db, sqlite)
            : sqlServerStatement ??= Build(db, sqlite);

        public async Task<long> ExecuteAsync(DbConnection connection, string topic, string type, string json, DateTimeOffset at, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            Add(command, "@topic", topic);
            Add(command, "@type", type);
            Add(command, "@payload", json);
            Add(command, "@at", atConverter is null ? at : atConverter.ConvertToProvider(at));
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        private static void Add(DbCommand command, string name, object? value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        private static InsertStatement Build(HostDbContext db, bool sqlite)
        {
            var entity = db.Model.FindEntityType(typeof(LiveItemRow))!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var sqlHelper = db.GetService<ISqlGenerationHelper>();
            string Column(string property) => sqlHelper.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
            var name = sqlHelper.DelimitIdentifier(table.Name, table.Schema);
            var (topic, sequence, type, payload, at) = (Column(nameof(LiveItemRow.Topic)), Column(nameof(LiveItemRow.Sequence)),
                Column(nameof(LiveItemRow.Type)), Column(nameof(LiveItemRow.Payload)), Column(nameof(LiveItemRow.At)));
            var sql = sqlite
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
            return new InsertStatement(sql, entity.FindProperty(nameof(LiveItemRow.At))!.GetTypeMapping().Converter);
        }
    }
}
