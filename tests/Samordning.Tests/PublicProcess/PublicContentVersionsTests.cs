using Moq;
using Samordning.Shared.Persistence;

namespace Samordning.Tests.PublicProcess;

// The public-content key on several nodes (issue 18, speed): each node answers public pages from its own cache, so a
// save on one node must move the key every other node reads before its next page, and a node that cannot reach the
// shared version must neither serve nor keep what it cached before.
public sealed class PublicContentVersionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoNodes_SaveOnOne_OtherNodesNextKeyDiffers()
    {
        var shared = new SharedCounter();
        var first = new PublicContentVersions(shared);
        var second = new PublicContentVersions(shared);
        var before = await second.KeyAsync(Now, Ct);

        await first.BumpAsync(Ct);
        var after = await second.KeyAsync(Now, Ct);

        Assert.NotNull(before);
        Assert.NotNull(after);
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task OneNode_NoSave_SameKeyWithinTheMinuteOnly()
    {
        var node = new PublicContentVersions();

        var first = await node.KeyAsync(Now, Ct);
        var again = await node.KeyAsync(Now.AddSeconds(59), Ct);
        var nextMinute = await node.KeyAsync(Now.AddSeconds(60), Ct);

        Assert.Equal(first, again);
        Assert.NotEqual(first, nextMinute);
    }

    [Fact]
    public async Task SharedStoreAway_KeyUnknown_AndTheKeyBeforeNeverComesBack()
    {
        var shared = new Mock<ISharedPublicContentVersion>();
        shared.SetupSequence(s => s.ReadAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(4)
            .ThrowsAsync(new TimeoutException("Redis away"))
            .ReturnsAsync(4);
        var node = new PublicContentVersions(shared.Object);

        var before = await node.KeyAsync(Now, Ct);
        var away = await node.KeyAsync(Now, Ct);
        var back = await node.KeyAsync(Now, Ct);

        Assert.NotNull(before);
        Assert.Null(away);
        Assert.NotNull(back);
        Assert.NotEqual(before, back);
    }

    [Fact]
    public async Task IncrementFailed_SentBeforeTheNextRead()
    {
        var shared = new SharedCounter { FailIncrements = 1 };
        var writer = new PublicContentVersions(shared);
        var reader = new PublicContentVersions(shared);
        var before = await reader.KeyAsync(Now, Ct);

        await writer.BumpAsync(Ct);
        var unchangedForOthers = await reader.KeyAsync(Now, Ct);
        await writer.KeyAsync(Now, Ct);
        var after = await reader.KeyAsync(Now, Ct);

        Assert.Equal(before, unchangedForOthers);
        Assert.NotEqual(before, after);
        Assert.Equal(1, shared.Value);
    }

    // The shared version as Redis keeps it: one counter for every node.
    private sealed class SharedCounter : ISharedPublicContentVersion
    {
        private long value;

        public int FailIncrements { get; set; }

        public long Value => Interlocked.Read(ref value);

        public Task<long> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(Value);

        public Task IncrementAsync(CancellationToken cancellationToken)
        {
            if (FailIncrements > 0)
            {
                FailIncrements--;
                throw new TimeoutException("Redis away for this node");
            }

            Interlocked.Increment(ref value);
            return Task.CompletedTask;
        }
    }
}
