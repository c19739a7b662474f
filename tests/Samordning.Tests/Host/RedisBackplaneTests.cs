using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Shared.Live;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Host;

// Two nodes (hosts) on the same database with the Redis backplane: an item published on one node reaches a
// client connected to the other.
public sealed class RedisBackplaneTests(RedisServer redis) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly string sharedFolder = Directory.CreateTempSubdirectory("samordning-nodes-").FullName;
    private SamordningFactory nodeA = null!;
    private SamordningFactory nodeB = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        nodeA = Node();
        nodeB = Node();

        // Start one node at a time, as a rolling deployment would: the first migrates and seeds the shared files.
        _ = nodeA.Services;
        _ = nodeB.Services;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await nodeA.DisposeAsync();
        await nodeB.DisposeAsync();
        Directory.Delete(sharedFolder, recursive: true);
    }

    [Fact]
    public async Task Publish_OnNodeA_ArrivesAtClientOnNodeB()
    {
        var personId = await nodeB.PersonIdAsync(People.Coordinator, Ct);
        var topic = $"user:{personId}";
        await using var connection = await LiveUpdatesTests.ConnectAsync(nodeB, People.Coordinator);
        var received = new TaskCompletionSource<LiveItem>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<LiveItem>("item", item => received.TrySetResult(item));
        await connection.InvokeAsync<long>("Join", topic, Ct);

        var published = await LiveUpdatesTests.PublishAsync(nodeA, topic, new { Text = "fra node A" });

        var item = await received.Task.WaitAsync(Patience, Ct);
        Assert.Equal(published, item);
    }

    [Fact]
    public async Task Publish_ConcurrentlyOnBothNodes_OneTopicGetsEverySequenceOnceInOrder()
    {
        var topic = $"user:{await nodeA.PersonIdAsync(People.Coordinator, Ct)}";
        var before = await LastSequenceAsync(nodeA, topic);

        var published = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            Task.Run(() => LiveUpdatesTests.PublishAsync(i % 2 == 0 ? nodeA : nodeB, topic, new { Index = i }), Ct)));

        Assert.Equal(Enumerable.Range(1, 60).Select(i => before + i), published.Select(p => p.Sequence).Order());
        await using var scope = nodeB.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ILiveUpdates>().GetAfterAsync(topic, before, 100, Ct);
        Assert.Equal(published.OrderBy(p => p.Sequence).Select(p => (p.Sequence, p.Payload)), stored.Select(s => (s.Sequence, s.Payload)));
    }

    private static async Task<long> LastSequenceAsync(SamordningFactory node, string topic)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ILiveUpdates>().GetLastSequenceAsync(topic, Ct);
    }

    private SamordningFactory Node() => SamordningFactory.Create(new()
    {
        DataFolder = sharedFolder,
        Settings = new Dictionary<string, string?> { ["Redis:Configuration"] = redis.Configuration },
    });
}
