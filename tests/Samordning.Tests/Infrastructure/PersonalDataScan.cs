using System.Text;
using System.Text.Json;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using MimeKit;

namespace Samordning.Tests.Infrastructure;

// Where a value is still stored: every column of every table of every store (each module's SQLite file and the
// host's in the data folder, or each store's schema in the host's database on the suite's PostgreSQL pass, whatever
// tables they have now or get later), and every file of the mail pickup
// folder, read as text and as a decoded e-mail. Values are looked for as written and as JSON writes them (the
// audit log and the live store hold JSON), ignoring case.
internal static class PersonalDataScan
{
    // The stores the host makes on SQLite; the scan reads every .db file it finds, and these must be among them.
    public static readonly string[] ExpectedStores = ["ministries", "workstreams", "meetings", "feedback", "notifications", "host"];

    public static async Task<List<string>> FindAsync(string dataFolder, string? serverConnectionString, IReadOnlyCollection<string> values, CancellationToken cancellationToken)
    {
        var forms = values.SelectMany(v => new[] { v, JsonEncodedText.Encode(v).ToString() }).Distinct(StringComparer.Ordinal).ToList();
        var found = new List<string>();
        if (serverConnectionString is not null)
        {
            found.AddRange(await FindInPostgresAsync(serverConnectionString, forms, cancellationToken));
        }
        else
        {
            var stores = Directory.GetFiles(dataFolder, "*.db");
            Assert.Superset(new HashSet<string>(ExpectedStores, StringComparer.Ordinal), new HashSet<string>(stores.Select(s => Path.GetFileNameWithoutExtension(s)), StringComparer.Ordinal));
            foreach (var store in stores)
            {
                found.AddRange(await FindInStoreAsync(store, forms, cancellationToken));
            }
        }

        var pickup = Path.Combine(dataFolder, "mail-pickup");
        if (Directory.Exists(pickup))
        {
            foreach (var file in Directory.GetFiles(pickup, "*", SearchOption.AllDirectories))
            {
                found.AddRange(Matches(await MailTextAsync(file, cancellationToken), forms).Select(v => $"{Path.GetFileName(file)} holds {v}"));
            }
        }

        return found;
    }

    public static string Describe(IEnumerable<string> found) => string.Join(Environment.NewLine, found);

    private static async Task<List<string>> FindInStoreAsync(string path, List<string> forms, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            found.AddRange(await FindInTableAsync(connection, Quote(table), $"{Path.GetFileNameWithoutExtension(path)} {table}", forms, cancellationToken));
        }

        return found;
    }

    // The same over every table of the stores' schemas in one PostgreSQL database.
    private static async Task<List<string>> FindInPostgresAsync(string connectionString, List<string> forms, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var tables = new List<(string Schema, string Table)>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema = ANY(@schemas)", connection))
        {
            list.Parameters.AddWithValue("schemas", ExpectedStores);
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Assert.Superset(new HashSet<string>(ExpectedStores, StringComparer.Ordinal), tables.Select(t => t.Schema).ToHashSet(StringComparer.Ordinal));
        foreach (var (schema, table) in tables)
        {
            found.AddRange(await FindInTableAsync(connection, $"{Quote(schema)}.{Quote(table)}", $"{schema} {table}", forms, cancellationToken));
        }

        return found;
    }

    private static async Task<List<string>> FindInTableAsync(DbConnection connection, string quotedName, string label, List<string> forms, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT * FROM {quotedName}";
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            for (var column = 0; column < reader.FieldCount; column++)
            {
                var text = reader.IsDBNull(column) ? null : reader.GetValue(column) switch
                {
                    byte[] bytes => Encoding.UTF8.GetString(bytes),
                    var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
                };
                found.AddRange(Matches(text, forms).Select(v => $"{label}.{reader.GetName(column)} holds {v}"));
            }
        }

        return found;
    }

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    // The raw file, and the message as a reader sees it (encoded words in headers decoded, the bodies).
    private static async Task<string> MailTextAsync(string file, CancellationToken cancellationToken)
    {
        var raw = await File.ReadAllTextAsync(file, cancellationToken);
        try
        {
            using var message = await MimeMessage.LoadAsync(file, cancellationToken);
            return string.Join('\n', raw, message.To.ToString(), message.Subject, message.TextBody, message.HtmlBody);
        }
        catch (FormatException)
        {
            return raw;
        }
    }

    private static IEnumerable<string> Matches(string? text, List<string> forms) =>
        text is null ? [] : forms.Where(f => text.Contains(f, StringComparison.OrdinalIgnoreCase));
}
