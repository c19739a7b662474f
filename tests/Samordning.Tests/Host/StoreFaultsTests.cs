using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Samordning.Meetings.Data;
using Samordning.Meetings.Entries;
using Samordning.Tests.Infrastructure;
using static Samordning.Tests.Meetings.MeetingTestData;

namespace Samordning.Tests.Host;

// A fault somewhere else fails nothing that was stored, and a store that is busy for now says so: 503 with
// Retry-After, and readiness reports it until it can take writes again.
public sealed class StoreFaultsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddEntry_RedisStopped_EveryNoteSucceedsAndIsStored()
    {
        await using var redis = new RedisServer();
        await redis.InitializeAsync();
        await using var factory = SamordningFactory.Create(new()
        {
            Settings = new Dictionary<string, string?> { ["Redis:Configuration"] = redis.Configuration },
        });
        var meeting = await CreateLiveAsync(factory);
        var facilitator = factory.CreateClientAs(Facilitator);
        await WriteAsync(facilitator, meeting.Id, "Før Redis stoppet");

        await redis.StopAsync();
        foreach (var text in new[] { "Uten Redis 1", "Uten Redis 2", "Uten Redis 3" })
        {
            await WriteAsync(facilitator, meeting.Id, text);
        }

        var stored = await facilitator.GetFromJsonAsync<List<EntryView>>($"/api/meetings/{meeting.Id}/entries", Ct);
        Assert.Equal(["Før Redis stoppet", "Uten Redis 1", "Uten Redis 2", "Uten Redis 3"], stored!.Select(e => e.Text));
    }

    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task AddEntry_StoreLockedByAnotherWriter_503WithRetryAfterAndNotReadyUntilReleased()
    {
        await using var factory = SamordningFactory.Create(new()
        {
            Settings = new Dictionary<string, string?> { ["Database:SqliteBusyTimeoutSeconds"] = "1" },
        });
        var meeting = await CreateLiveAsync(factory);
        var facilitator = factory.CreateClientAs(Facilitator);
        var anonymous = factory.CreateClientAs(null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready", Ct)).StatusCode);

        // Another process's writer holds the Meetings store's write lock.
        await using (var other = new SqliteConnection($"Data Source={Path.Combine(factory.DataFolder, "meetings.db")}"))
        {
            await other.OpenAsync(Ct);
            await using var command = other.CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE;";
            await command.ExecuteNonQueryAsync(Ct);

            var busy = await facilitator.PostAsJsonAsync($"/api/meetings/{meeting.Id}/entries", new EntryRequest(EntryKind.Note, "Mens fila er låst"), Ct);
            var ready = await anonymous.GetAsync("/health/ready", Ct);

            var problem = await Problem.ReadAsync(busy, HttpStatusCode.ServiceUnavailable, Ct);
            Assert.Contains("opptatt", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.True(busy.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 without Retry-After.");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);

            command.CommandText = "ROLLBACK;";
            await command.ExecuteNonQueryAsync(Ct);
        }

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready", Ct)).StatusCode);
        await WriteAsync(facilitator, meeting.Id, "Etter at fila er frigitt");
    }
}
