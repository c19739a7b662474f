using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Shared.Live;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Host;

public sealed class LiveUpdatesTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    // Generous: a broadcast normally arrives in milliseconds; the limit only stops a broken test from hanging.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CatchUp_TwoPublished_BothInSequenceOrder()
    {
        // Each test follows a different person's topic, so sequence numbers start at 1.
        var personId = await factory.PersonIdAsync(People.Observer, Ct);
        var topic = $"user:{personId}";
        await PublishAsync(factory, topic, new { Text = "første" });
        await PublishAsync(factory, topic, new { Text = "andre" });
        var client = factory.CreateClientAs(People.Observer);

        var items = await Problem.ReadOkAsync<List<LiveItem>>(await client.GetAsync($"/api/live?topic={topic}&after=0", Ct), HttpStatusCode.OK, Ct);

        Assert.Equal([1L, 2L], items.Select(i => i.Sequence));
        Assert.All(items, i => Assert.Equal(topic, i.Topic));
        Assert.Equal(["første", "andre"], items.Select(i => JsonDocument.Parse(i.Payload).RootElement.GetProperty("text").GetString()));

        var later = await Problem.ReadOkAsync<List<LiveItem>>(await client.GetAsync($"/api/live?topic={topic}&after=1", Ct), HttpStatusCode.OK, Ct);
        Assert.Equal([2L], later.Select(i => i.Sequence));
    }

    [Fact]
    public async Task CatchUp_OtherPersonsTopic_ForbiddenProblem()
    {
        var otherId = await factory.PersonIdAsync(People.Coordinator, Ct);
        var client = factory.CreateClientAs(People.ContactPersonFin);

        await Problem.ReadAsync(await client.GetAsync($"/api/live?topic=user:{otherId}&after=0", Ct), HttpStatusCode.Forbidden, Ct);
    }

    [Fact]
    public async Task CatchUp_TopicNoPolicyOwns_ForbiddenProblem()
    {
        var client = factory.CreateClientAs(People.Administrator);

        await Problem.ReadAsync(await client.GetAsync("/api/live?topic=secret:1&after=0", Ct), HttpStatusCode.Forbidden, Ct);
    }

    [Fact]
    public async Task Hub_JoinOwnTopicThenPublish_ItemArrives()
    {
        var personId = await factory.PersonIdAsync(People.Coordinator, Ct);
        var topic = $"user:{personId}";
        await using var connection = await ConnectAsync(factory, People.Coordinator);
        var received = new TaskCompletionSource<LiveItem>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<LiveItem>("item", item => received.TrySetResult(item));

        var last = await connection.InvokeAsync<long>("Join", topic, Ct);
        var published = await PublishAsync(factory, topic, new { Text = "hei" });

        var item = await received.Task.WaitAsync(Patience, Ct);
        Assert.Equal(last + 1, item.Sequence);
        Assert.Equal(published, item);
    }

    [Fact]
    public async Task Hub_JoinOtherPersonsTopic_HubException()
    {
        var otherId = await factory.PersonIdAsync(People.Observer, Ct);
        await using var connection = await ConnectAsync(factory, People.ContactPersonFin);

        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<long>("Join", $"user:{otherId}", Ct));
    }

    [Fact]
    public async Task Hub_Anonymous_Refused()
    {
        var connection = Connection(factory, null);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => connection.StartAsync(Ct));
    }

    [Fact]
    public async Task Publish_ManyRequestsAtOnce_EachSequenceOnceWithItsOwnPayload()
    {
        // Concurrent publishers on one topic share the live store's batches: every one gets its own sequence
        // number, and the stored item under that number is the one it published.
        var topic = $"test:{Guid.NewGuid():N}";
        // The factory starts its host on first use, and not safely from 80 threads at once when this test is first.
        _ = factory.Services;

        var published = await Task.WhenAll(Enumerable.Range(1, 80).Select(n => Task.Run(() => PublishAsync(factory, topic, new { N = n }), Ct)));

        Assert.Equal(Enumerable.Range(1, 80).Select(n => (long)n), published.Select(p => p.Sequence).Order());
        var stored = await StoredAsync(topic);
        Assert.Equal(published.OrderBy(p => p.Sequence).Select(p => (p.Sequence, p.Payload)), stored.Select(s => (s.Sequence, s.Payload)));
    }

    [Fact]
    public async Task Publish_ManyRequestsAtOnce_BroadcastInSequenceOrder()
    {
        // Concurrent publishers resume in any order once their batch commits; the broadcast must still reach a
        // follower in the topic's sequence order (issue 19: a meeting's notes arrived out of order when writes overlapped).
        var personId = await factory.PersonIdAsync(People.ContactPersonHod, Ct);
        var topic = $"user:{personId}";
        await using var connection = await ConnectAsync(factory, People.ContactPersonHod);
        var received = new List<long>();
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<LiveItem>("item", item =>
        {
            lock (received)
            {
                received.Add(item.Sequence);
                if (received.Count == 80)
                {
                    all.TrySetResult();
                }
            }
        });
        var last = await connection.InvokeAsync<long>("Join", topic, Ct);

        await Task.WhenAll(Enumerable.Range(1, 80).Select(n => Task.Run(() => PublishAsync(factory, topic, new { N = n }), Ct)));

        await all.Task.WaitAsync(Patience, Ct);
        Assert.Equal(Enumerable.Range(1, 80).Select(n => last + n), received);
    }

    [Fact]
    public async Task PublishMany_TwoTopics_StoredInGivenOrderThenBroadcast()
    {
        var personId = await factory.PersonIdAsync(People.ContactPersonKd, Ct);
        var own = $"user:{personId}";
        var other = $"test:{Guid.NewGuid():N}";
        await using var connection = await ConnectAsync(factory, People.ContactPersonKd);
        var received = new TaskCompletionSource<LiveItem>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<LiveItem>("item", item => received.TrySetResult(item));
        var last = await connection.InvokeAsync<long>("Join", own, Ct);

        IReadOnlyList<LiveItem> items;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            items = await scope.ServiceProvider.GetRequiredService<ILiveUpdates>().PublishManyAsync(
                [new(other, "test.message", new { Text = "a" }), new(own, "test.message", new { Text = "b" }), new(other, "test.message", new { Text = "c" })], Ct);
        }

        Assert.Equal([(other, 1L), (own, last + 1), (other, 2L)], items.Select(i => (i.Topic, i.Sequence)));
        Assert.Equal(["a", "c"], (await StoredAsync(other)).Select(i => JsonDocument.Parse(i.Payload).RootElement.GetProperty("text").GetString()));
        Assert.Equal(items[1], await received.Task.WaitAsync(Patience, Ct));
    }

    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task Publish_BadItemInABatch_OnlyItFails()
    {
        // Another writer holds host.db while 20 good publishes and one the store refuses (a null type, NOT NULL)
        // queue up, so they meet in one batch; its transaction fails and each publisher is stored on its own.
        // The host is started first: host.db exists only once it has migrated its store (the test may run first).
        _ = factory.Services;
        var topic = $"test:{Guid.NewGuid():N}";
        await using var blocker = new SqliteConnection($"Data Source={Path.Combine(factory.DataFolder, "host.db")}");
        await blocker.OpenAsync(Ct);
        await using var hold = await blocker.BeginTransactionAsync(Ct);
        var good = Enumerable.Range(1, 20).Select(n => Task.Run(() => PublishAsync(factory, topic, new { N = n }), Ct)).ToList();
        var bad = Task.Run(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ILiveUpdates>().PublishAsync(topic, null!, new { N = 0 }, Ct);
        }, Ct);
        await Task.Delay(TimeSpan.FromMilliseconds(300), Ct);
        await hold.CommitAsync(Ct);

        await Assert.ThrowsAnyAsync<Exception>(() => bad);
        var published = await Task.WhenAll(good);

        Assert.Equal(Enumerable.Range(1, 20).Select(n => (long)n), published.Select(p => p.Sequence).Order());
        Assert.Equal(20, (await StoredAsync(topic)).Count);
    }

    [Fact]
    public async Task PublishRows_SameOutboxSourceTwice_StoredOnceUnderOneSequence()
    {
        // An outbox row delivered again (its first delivery stored the item, then the process died before the row
        // was deleted): the source key finds the stored item, so nothing is added and its number is returned.
        var topic = $"test:{Guid.NewGuid():N}";
        var source = Guid.NewGuid();
        var row = new Samordning.Host.Live.LiveRow(topic, "test.item", "{\"n\":1}", source);

        var first = await PublishRowAsync(row);
        var other = await PublishRowAsync(row with { SourceId = Guid.NewGuid() });
        var again = await PublishRowAsync(row);

        Assert.Equal((1L, 2L, 1L), (first.Sequence, other.Sequence, again.Sequence));
        Assert.Equal([1L, 2L], (await StoredAsync(topic)).Select(i => i.Sequence));
    }

    private async Task<LiveItem> PublishRowAsync(Samordning.Host.Live.LiveRow row)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<Samordning.Host.Live.LiveUpdates>().PublishRowsAsync([row], Ct))[0];
    }

    private async Task<IReadOnlyList<LiveItem>> StoredAsync(string topic)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ILiveUpdates>().GetAfterAsync(topic, 0, 1000, Ct);
    }

    internal static HubConnection Connection(SamordningFactory factory, string? email)
    {
        var server = factory.Server;
        return new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/live"), options =>
            {
                // In-memory test server: no sockets, so long polling over the server's own handler.
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                if (email is not null)
                {
                    options.Headers[TestAuthHandler.Header] = email;
                }
            })
            .Build();
    }

    internal static async Task<HubConnection> ConnectAsync(SamordningFactory factory, string email)
    {
        var connection = Connection(factory, email);
        await connection.StartAsync(Ct);
        return connection;
    }

    internal static async Task<LiveItem> PublishAsync(SamordningFactory factory, string topic, object payload)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ILiveUpdates>().PublishAsync(topic, "test.message", payload, Ct);
    }
}
