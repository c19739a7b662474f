using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Samordning.Benchmarks.Data;

// The few bare ADO.NET reads the generator and the floors share: parameters are $p0, $p1, ... in order.
internal static class Sql
{
    public static async Task<List<T>> ListAsync<T>(
        SqliteConnection connection, string sql, object[] parameters, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue($"$p{i}", parameters[i]);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public static async Task<int> CountAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
