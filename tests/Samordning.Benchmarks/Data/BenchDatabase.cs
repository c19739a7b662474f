using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Samordning.Shared.Persistence;
using Samordning.Shared.Search;

namespace Samordning.Benchmarks.Data;

// The floors' and the checks' bare ADO.NET access to the host's own database, on whichever provider it runs: a
// module's SQLite file (Microsoft.Data.Sqlite, the connection string and so the pool the module uses), or the
// module's schema in the one PostgreSQL database (Npgsql through one NpgsqlDataSource, commands prepared). The SQL
// is the same on both (quoted names, @parameters); only a table's name, the stored form of a Guid or an instant and
// a list parameter differ, and those are here.
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly DatabaseSettings settings;
    private readonly NpgsqlDataSource? postgres;
    private readonly NpgsqlDataSource? postgresForSearch;

    public BenchDatabase(IConfiguration configuration)
    {
        settings = DatabaseSettings.From(configuration);
        // The stores' own connection settings (DatabaseSettings.PostgresConnectionString): no reset of a pooled
        // connection on its return (seven statements each time otherwise), statements prepared where they repeat.
        postgres = settings.Provider == DatabaseProvider.PostgreSql ? NpgsqlDataSource.Create(settings.PostgresConnectionString()) : null;
        postgresForSearch = postgres is not null ? NpgsqlDataSource.Create(SearchMatch.SearchConnectionString(settings.PostgresConnectionString())) : null;
    }

    public bool OnPostgres => postgres is not null;

    // For the floors' descriptions.
    public string Library => OnPostgres ? "raw Npgsql (NpgsqlDataSource, prepared commands)" : "raw Microsoft.Data.Sqlite";

    public string Where => OnPostgres ? "same database" : "same file";

    public async Task<DbConnection> OpenAsync(string store, CancellationToken cancellationToken)
    {
        if (postgres is not null)
        {
            return await postgres.OpenConnectionAsync(cancellationToken);
        }

        // With the product's pragmas (temporary tables in memory): what a good engineer's connection would have.
        var connection = new SqliteConnection(settings.SqliteConnectionString(store));
        await connection.OpenAsync(cancellationToken);
        await SqlitePragmas.ApplyAsync(connection, cancellationToken);
        return connection;
    }

    // A connection for the search floor: on PostgreSQL from a pool whose sessions plan every statement for its values,
    // as the product's search connections (SearchMatch.SearchConnectionString); elsewhere as OpenAsync.
    public async Task<DbConnection> OpenForSearchAsync(string store, CancellationToken cancellationToken) =>
        postgresForSearch is not null ? await postgresForSearch.OpenConnectionAsync(cancellationToken) : await OpenAsync(store, cancellationToken);

    // A store's SQLite connection string, as the module's own (the floors' writes queue on its file's writer).
    public string SqliteConnectionString(string store) => settings.SqliteConnectionString(store);

    // A module's table: in its own file on SQLite, in its schema (named after the store) on PostgreSQL.
    public string Table(string store, string table) => OnPostgres ? $"\"{store}\".\"{table}\"" : $"\"{table}\"";

    // EF Core keeps a Guid on SQLite as upper-case text and an instant as its binary form; PostgreSQL has the types.
    public object Id(Guid id) => OnPostgres ? id : SqliteValues.Text(id);

    public object Instant(DateTimeOffset at) => OnPostgres ? at.ToUniversalTime() : SqliteValues.Instant(at);

    public object Day(DateOnly day) => OnPostgres ? day : SqliteValues.Day(day);

    // A value as this provider stores it (ids, instants and days converted; the rest as they are).
    public object? Value(object? value) => value switch
    {
        Guid id => Id(id),
        DateTimeOffset at => Instant(at),
        DateOnly day => Day(day),
        _ => value,
    };

    public static DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) =>
        reader.GetValue(ordinal) is long binary ? SqliteValues.Instant(binary) : reader.GetFieldValue<DateTimeOffset>(ordinal);

    public static string ReadDay(DbDataReader reader, int ordinal) =>
        reader.GetValue(ordinal) is string day ? day : SqliteValues.Day(reader.GetFieldValue<DateOnly>(ordinal));

    // The rows of a query; parameters are @p0, @p1, ... in order, converted by Value.
    public async Task<List<T>> ListAsync<T>(
        DbConnection connection, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = await CommandAsync(connection, sql, cancellationToken, null, [.. parameters.Select((v, i) => ($"@p{i}", Value(v)))]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public async Task<int> CountAsync(DbConnection connection, string sql, CancellationToken cancellationToken, params object?[] parameters) =>
        (await ListAsync(connection, sql, r => Convert.ToInt32(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), cancellationToken, parameters))[0];

    public static Guid ReadId(object? value) => value switch
    {
        Guid id => id,
        string text => Guid.Parse(text),
        _ => throw new InvalidOperationException($"Not an id: {value}."),
    };

    // "column IN (the list)": a JSON array read by json_each on SQLite, an array parameter on PostgreSQL.
    public string InList(string column, string parameter) =>
        OnPostgres ? $"{column} = ANY({parameter})" : $"{column} IN (SELECT value FROM json_each({parameter}))";

    public object List(string[] values) => OnPostgres ? values : JsonSerializer.Serialize(values);

    // A command with its parameters, prepared on PostgreSQL (a pooled connection keeps the statement, so this is a
    // parse once per connection, as a hand-written data layer would do).
    public async Task<DbCommand> CommandAsync(
        DbConnection connection, string sql, CancellationToken cancellationToken, DbTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        if (OnPostgres)
        {
            await command.PrepareAsync(cancellationToken);
        }

        return command;
    }

    public async ValueTask DisposeAsync()
    {
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }

        if (postgresForSearch is not null)
        {
            await postgresForSearch.DisposeAsync();
        }
    }
}
