using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Moq;
using Samordning.Ministries.Data;
using Samordning.Shared.Persistence;
using Samordning.Shared.Security;
using Samordning.Shared.Time;

namespace Samordning.Tests.Shared.Persistence;

// This node's saves to one SQLite file take turns and, when they queue, commit together: against real files, with
// the Ministries model as a module model. Another connection holding a file's write lock makes saves queue up.
public sealed class SqliteGroupWriterTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("samordning-queue-").FullName;
    private readonly Mock<IClock> clock = new();
    private readonly Mock<ICurrentUser> defaultUser = new();
    private readonly SqliteWriters writers = new();

    public SqliteGroupWriterTests()
    {
        clock.Setup(c => c.UtcNow).Returns(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        defaultUser.Setup(u => u.DisplayName).Returns("Kø Testesen");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        foreach (var file in (string[])["a.db", "b.db"])
        {
            await using var db = Context(file);
            await db.Database.MigrateAsync(Ct);
        }

        await using var items = new SqliteConnection(ItemsConnectionString);
        await items.OpenAsync(Ct);
        await using var create = items.CreateCommand();
        create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE Items (Id INTEGER PRIMARY KEY, Value TEXT NOT NULL);";
        await create.ExecuteNonQueryAsync(Ct);
    }

    private string ItemsConnectionString => $"Data Source={Path.Combine(folder, "items.db")}";

    public async ValueTask DisposeAsync()
    {
        await writers.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Save_QueuedBehindAWriter_AllStoredAcceptedAndAuditedAsTheirOwnCaller()
    {
        // The person a save is audited as comes from the caller's flow (in the app: its request's HttpContext),
        // so a save written by another caller's writer must still be audited as its own caller.
        var actor = new AsyncLocal<string>();
        var user = new Mock<ICurrentUser>();
        user.Setup(u => u.DisplayName).Returns(() => actor.Value ?? "ingen");
        List<(SqliteMinistriesDbContext Db, Ministry Ministry)> saves;
        await using (var hold = await HoldAsync("a.db"))
        {
            saves = [.. Enumerable.Range(0, 30).Select(n => (Context("a.db", user.Object), NewMinistry($"Kø {n}")))];
            var tasks = saves.Select(s => Task.Run(() =>
            {
                actor.Value = $"Person {s.Ministry.NameNb}";
                return SaveAsync(s.Db, s.Ministry);
            }, Ct)).ToList();
            await Task.Delay(200, Ct);
            await hold.CommitAsync(Ct);
            Assert.All(await Task.WhenAll(tasks), count => Assert.Equal(2, count));
        }

        foreach (var (db, ministry) in saves)
        {
            // Accepted, and the context reads on its own connection again.
            Assert.Equal(EntityState.Unchanged, db.Entry(ministry).State);
            Assert.Equal(ministry.NameNb, await db.Ministries.Where(m => m.Id == ministry.Id).Select(m => m.NameNb).SingleAsync(Ct));
            await db.DisposeAsync();
        }

        await using var check = Context("a.db");
        var ids = saves.Select(s => s.Ministry.Id).ToList();
        Assert.Equal(30, await check.Ministries.CountAsync(m => ids.Contains(m.Id), Ct));
        var audited = await check.AuditLog.Where(a => ids.Contains(a.EntityId) && a.Action == "Created").Select(a => new { a.EntityId, a.Actor }).ToListAsync(Ct);
        Assert.Equal(
            saves.Select(s => (s.Ministry.Id, $"Person {s.Ministry.NameNb}")).OrderBy(a => a.Id),
            audited.Select(a => (a.EntityId, a.Actor)).OrderBy(a => a.EntityId));
    }

    [Fact]
    public async Task Save_QueuedBehindAWriter_StampedOnceAsOfWhenItWasAsked()
    {
        // A queued save is audited, versioned and given its outbox rows by its caller, before its turn (issue 19:
        // that work on the file's one writer capped the notes a second): as of when it was asked, and only once.
        var asked = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        var existing = await StoredMinistryAsync("Før");
        await using var editor = Context("a.db");
        var edited = await editor.Ministries.SingleAsync(m => m.Id == existing.Id, Ct);
        var versionBefore = edited.Version;
        var added = Enumerable.Range(0, 10).Select(n => (Db: Context("a.db"), Ministry: NewMinistry($"Stemplet {n}"))).ToList();
        await using (var hold = await HoldAsync("a.db"))
        {
            edited.NameNb = "Etter";
            var saves = added.Select(a => SaveAsync(a.Db, a.Ministry)).Append(Task.Run(() => editor.SaveChangesAsync(Ct), Ct)).ToList();
            await Task.Delay(500, Ct);
            // The writer's turn comes five minutes after the saves were asked for.
            clock.Setup(c => c.UtcNow).Returns(asked.AddMinutes(5));
            await hold.CommitAsync(Ct);
            Assert.All(await Task.WhenAll(saves), count => Assert.Equal(2, count));
        }

        await using var check = Context("a.db");
        var ids = added.Select(a => a.Ministry.Id).Append(existing.Id).ToList();
        var audited = await check.AuditLog.Where(a => ids.Contains(a.EntityId) && a.At > asked.AddMinutes(-1))
            .Select(a => new { a.EntityId, a.Action, a.At }).ToListAsync(Ct);
        Assert.Equal(
            added.Select(a => (a.Ministry.Id, "Created", asked)).Append((existing.Id, "Updated", asked)).OrderBy(a => a.Item1),
            audited.Where(a => a.Action != "Created" || a.EntityId != existing.Id).Select(a => (a.EntityId, a.Action, a.At)).OrderBy(a => a.EntityId));
        Assert.Equal(versionBefore + 1, await check.Ministries.Where(m => m.Id == existing.Id).Select(m => m.Version).SingleAsync(Ct));
        Assert.Equal(versionBefore + 1, edited.Version);
        foreach (var (db, _) in added)
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task Save_ConflictAmongQueuedSaves_OnlyThatOneFailsTheOthersAreStored()
    {
        var existing = await StoredMinistryAsync("Før");
        await using var stale = Context("a.db");
        var staleCopy = await stale.Ministries.SingleAsync(m => m.Id == existing.Id, Ct);
        await using (var first = Context("a.db"))
        {
            (await first.Ministries.SingleAsync(m => m.Id == existing.Id, Ct)).NameNb = "Først";
            await first.SaveChangesAsync(Ct);
        }

        var others = Enumerable.Range(0, 10).Select(n => (Db: Context("a.db"), Ministry: NewMinistry($"Annen {n}"))).ToList();
        Task conflicting;
        List<Task<int>> added;
        await using (var hold = await HoldAsync("a.db"))
        {
            var blocker = Context("a.db");
            var blocked = SaveAsync(blocker, NewMinistry("Venter"));
            await Task.Delay(100, Ct);
            staleCopy.NameNb = "Utdatert";
            added = [.. others.Take(5).Select(o => SaveAsync(o.Db, o.Ministry))];
            conflicting = Task.Run(() => stale.SaveChangesAsync(Ct), Ct);
            added.AddRange(others.Skip(5).Select(o => SaveAsync(o.Db, o.Ministry)));
            await Task.Delay(100, Ct);
            await hold.CommitAsync(Ct);
            await blocked;
            await blocker.DisposeAsync();
        }

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => conflicting);
        Assert.All(await Task.WhenAll(added), count => Assert.Equal(2, count));
        await using var check = Context("a.db");
        Assert.Equal("Først", await check.Ministries.Where(m => m.Id == existing.Id).Select(m => m.NameNb).SingleAsync(Ct));
        var ids = others.Select(o => o.Ministry.Id).ToList();
        Assert.Equal(10, await check.Ministries.CountAsync(m => ids.Contains(m.Id), Ct));
        Assert.Equal(0, await check.AuditLog.CountAsync(a => a.EntityId == existing.Id && a.After != null && a.After.Contains("Utdatert"), Ct));
        foreach (var (db, _) in others)
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task Save_OtherFile_DoesNotWaitForABusyFile()
    {
        await using var hold = await HoldAsync("a.db");
        await using var busy = Context("a.db");
        var waiting = SaveAsync(busy, NewMinistry("Opptatt"));
        await Task.Delay(50, Ct);

        await using var other = Context("b.db");
        other.Ministries.Add(NewMinistry("Ledig"));
        Assert.Equal(2, await other.SaveChangesAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct));

        Assert.False(waiting.IsCompleted);
        await hold.CommitAsync(Ct);
        Assert.Equal(2, await waiting);
    }

    // A statement without change tracking (the outbox job's claims and deletes) takes its turn like a save: queued
    // behind a writer it has not started (outside the queue it would wait on the file's lock, and the queue behind it).
    [Fact]
    public async Task ExecuteWrite_QueuedBehindAWriter_StartsOnlyOnItsTurnAndIsStored()
    {
        await using (var seed = Context("a.db"))
        {
            seed.Ministries.Add(NewMinistry("Slettes"));
            await seed.SaveChangesAsync(Ct);
        }

        await using var saving = Context("a.db");
        await using var deleting = Context("a.db");
        var started = false;
        Task<int> first, delete;
        await using (var hold = await HoldAsync("a.db"))
        {
            first = SaveAsync(saving, NewMinistry("Først"));
            await Task.Delay(100, Ct);
            delete = Task.Run(() => deleting.ExecuteWriteAsync(ct =>
            {
                started = true;
                return deleting.Ministries.Where(m => m.NameNb == "Slettes").ExecuteDeleteAsync(ct);
            }, Ct), Ct);
            await Task.Delay(200, Ct);

            Assert.False(started);
            await hold.CommitAsync(Ct);
        }

        Assert.Equal(1, await delete);
        await first;
        await using var check = Context("a.db");
        Assert.Equal(["Først"], await check.Ministries.Select(m => m.NameNb).Where(n => n == "Først" || n == "Slettes").ToListAsync(Ct));
    }

    // The one failure rule for every kind of write, here with plain rows: a write that fails in a group is rolled
    // back to its own savepoint and fails alone; its neighbours commit.
    [Fact]
    public async Task Write_OneFailsInAGroup_OnlyThatOneFailsItsNeighboursCommit()
    {
        var writer = writers.For(ItemsConnectionString);
        Task<long> bad;
        List<Task<long>> good;
        await using (var hold = await HoldAsync("items.db"))
        {
            var first = writer.WriteAsync(new ItemWrite("først"));
            await Task.Delay(100, Ct);
            good = [writer.WriteAsync(new ItemWrite("a")), writer.WriteAsync(new ItemWrite("b"))];
            bad = writer.WriteAsync(new ItemWrite(null));
            good.Add(writer.WriteAsync(new ItemWrite("c")));
            await hold.CommitAsync(Ct);
            await first;
        }

        var failure = await Assert.ThrowsAsync<SqliteException>(() => bad);
        Assert.Contains("NOT NULL", failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await Task.WhenAll(good)).Distinct().Count());
        Assert.Equal(["a", "b", "c", "først"], await ItemsAsync());
    }

    // A write that fails in a group hears of it once the group has committed: a caller answering a clash by reading
    // the row that won (a form posted twice at once) must find that row, which may be in the same group.
    [Fact]
    public async Task Write_FailsInAGroup_HearsOfItOnlyOnceItsNeighboursAreCommitted()
    {
        var writer = writers.For(ItemsConnectionString);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<long> first, won, bad, last;
        await using (var hold = await HoldAsync("items.db"))
        {
            first = writer.WriteAsync(new ItemWrite("først"));
            await Task.Delay(100, Ct);
            won = writer.WriteAsync(new ItemWrite("vant"));
            bad = writer.WriteAsync(new ItemWrite(null));
            last = writer.WriteAsync(new GatedItemWrite("sist", gate.Task));
            await hold.CommitAsync(Ct);
        }

        // The group is still open (its last write waits at the gate): the failed write has not heard yet.
        try
        {
            await Task.WhenAny(bad, Task.Delay(500, Ct));
            Assert.False(bad.IsCompleted);
        }
        finally
        {
            gate.TrySetResult();
        }

        await Assert.ThrowsAsync<SqliteException>(() => bad);
        Assert.Equal(["først", "sist", "vant"], await ItemsAsync());
        await Task.WhenAll(first, won, last);
    }

    [Fact]
    public async Task Write_CancelledBeforeItsTurn_RemovedAndNeverWritten()
    {
        var writer = writers.For(ItemsConnectionString);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        Task<long> withdrawn, after;
        await using (var hold = await HoldAsync("items.db"))
        {
            var first = writer.WriteAsync(new ItemWrite("først"));
            await Task.Delay(100, Ct);
            withdrawn = writer.WriteAsync(new ItemWrite("angret", cancel.Token));
            after = writer.WriteAsync(new ItemWrite("etter"));
            await cancel.CancelAsync();

            // At once, while the file is still busy: the caller does not wait for a turn it gave up.
            Assert.True(withdrawn.IsCanceled);
            await hold.CommitAsync(Ct);
            await first;
        }

        await after;
        Assert.Equal(["etter", "først"], await ItemsAsync());
    }

    // The host disposes the writers on shutdown: what was queued is written, what comes later fails visibly.
    [Fact]
    public async Task Dispose_WritesQueuedAtShutdown_CommittedAndLaterWritesFail()
    {
        var writers = new SqliteWriters();
        var writer = writers.For(ItemsConnectionString);
        List<Task<long>> queued;
        Task disposed;
        await using (var hold = await HoldAsync("items.db"))
        {
            queued = [writer.WriteAsync(new ItemWrite("først"))];
            await Task.Delay(100, Ct);
            queued.AddRange(Enumerable.Range(0, 5).Select(n => writer.WriteAsync(new ItemWrite($"kø {n}"))));
            disposed = writers.DisposeAsync().AsTask();

            await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.WriteAsync(new ItemWrite("for sent")));
            Assert.Throws<ObjectDisposedException>(() => writers.For(ItemsConnectionString));
            Assert.False(disposed.IsCompleted);
            await hold.CommitAsync(Ct);
        }

        await disposed;
        Assert.All(queued, q => Assert.True(q.IsCompletedSuccessfully));
        Assert.Equal(["først", "kø 0", "kø 1", "kø 2", "kø 3", "kø 4"], await ItemsAsync());
    }

    // On a thread of its own: a save that meets a locked file waits inside SQLite, blocking its thread.
    private static Task<int> SaveAsync(SqliteMinistriesDbContext db, Ministry ministry)
    {
        db.Ministries.Add(ministry);
        return Task.Run(() => db.SaveChangesAsync(Ct), Ct);
    }

    private async Task<Ministry> StoredMinistryAsync(string nameNb)
    {
        var ministry = NewMinistry(nameNb);
        await using var setup = Context("a.db");
        setup.Ministries.Add(ministry);
        await setup.SaveChangesAsync(Ct);
        return ministry;
    }

    // Takes the file's write lock on a connection of its own, as another process would, until committed.
    private async Task<SqliteTransaction> HoldAsync(string file)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(folder, file)};Pooling=False");
        await connection.OpenAsync(Ct);
        return (SqliteTransaction)await connection.BeginTransactionAsync(Ct);
    }

    private async Task<List<string>> ItemsAsync()
    {
        await using var connection = new SqliteConnection(ItemsConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Value FROM Items ORDER BY Value";
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static Ministry NewMinistry(string nameNb) =>
        new() { Code = Infrastructure.Builders.UniqueCode(), NameNb = nameNb, NameEn = "Ministry of Queues" };

    // Audited as the context's user, as the app's pooled contexts are (the person of the scope that rented it).
    private SqliteMinistriesDbContext Context(string file, ICurrentUser? user = null)
    {
        var connectionString = $"Data Source={Path.Combine(folder, file)}";
        var db = new SqliteMinistriesDbContext(new DbContextOptionsBuilder<SqliteMinistriesDbContext>()
            .UseSqlite(connectionString)
            .AddInterceptors(new AuditingInterceptor(clock.Object), SqlitePragmas.Instance)
            .Options);
        db.SqliteWriter = writers.For(connectionString);
        db.AuditedUser = user ?? defaultUser.Object;
        return db;
    }
}

// A plain row as a write of the group writer; a null value breaks the table's NOT NULL rule.
internal sealed class ItemWrite(string? value, CancellationToken cancellationToken = default) : SqliteWrite<long>(cancellationToken)
{
    public Task<long> WriteWithinAsync(SqliteConnection connection, SqliteTransaction transaction) => WriteAsync(connection, transaction);

    protected override async Task<long> WriteAsync(SqliteConnection connection, SqliteTransaction transaction)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO Items (Value) VALUES ($value) RETURNING Id";
        command.Parameters.AddWithValue("$value", (object?)value ?? DBNull.Value);
        return (long)(await command.ExecuteScalarAsync(CancellationToken))!;
    }
}

// A plain row whose write waits at a gate inside the group's transaction, holding the group open.
internal sealed class GatedItemWrite(string value, Task gate) : SqliteWrite<long>(CancellationToken.None)
{
    protected override async Task<long> WriteAsync(SqliteConnection connection, SqliteTransaction transaction)
    {
        await gate;
        return await new ItemWrite(value).WriteWithinAsync(connection, transaction);
    }
}
