using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Samordning.Shared.Persistence;

/// <summary>
/// The <see cref="SqliteGroupWriter"/> of each SQLite file this node writes: one per file, whichever connection
/// string names it. A singleton of the host's container, which disposes it on shutdown, draining every queue.
/// Per process only, which is all SQLite serves (one node); the server providers lock rows and never use it.
/// </summary>
public sealed class SqliteWriters : IAsyncDisposable, IDisposable
{
    private readonly ConcurrentDictionary<string, SqliteGroupWriter> byConnectionString = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SqliteGroupWriter> byFile = new(StringComparer.Ordinal);
    private volatile bool disposed;

    /// <summary>The writer of the file <paramref name="connectionString"/> names.</summary>
    public SqliteGroupWriter For(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        ObjectDisposedException.ThrowIf(disposed, this);
        return byConnectionString.GetOrAdd(connectionString, cs => byFile.GetOrAdd(File(cs), _ => new SqliteGroupWriter(cs)));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        disposed = true;
        foreach (var writer in byFile.Values)
        {
            await writer.DisposeAsync();
        }
    }

    /// <inheritdoc />
    /// <remarks>For a container disposed synchronously: it still waits until every queue is drained.</remarks>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    // A file by its full path; an in-memory database by its whole connection string.
    private static string File(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:"
            ? connectionString
            : Path.GetFullPath(builder.DataSource);
    }
}
