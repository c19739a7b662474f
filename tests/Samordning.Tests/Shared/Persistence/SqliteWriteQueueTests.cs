using Samordning.Shared.Persistence;

namespace Samordning.Tests.Shared.Persistence;

// This node's saves to one SQLite file take turns; saves to different files do not wait for each other.
public sealed class SqliteWriteQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_SameFile_SecondWriteStartsOnlyAfterTheFirstEnds()
    {
        var file = $"queue-{Guid.NewGuid()}.db";
        var firstMayEnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondStarted = false;

        var first = SqliteWriteQueue.RunAsync(file, async () =>
        {
            firstStarted.SetResult();
            await firstMayEnd.Task;
            return 1;
        }, Ct);
        await firstStarted.Task;
        var second = SqliteWriteQueue.RunAsync(file, () =>
        {
            secondStarted = true;
            return Task.FromResult(2);
        }, Ct);

        await Task.Delay(50, Ct);
        Assert.False(secondStarted);
        firstMayEnd.SetResult();
        var results = await Task.WhenAll(first, second);
        Assert.Equal((1, 2), (results[0], results[1]));
        Assert.True(secondStarted);
    }

    [Fact]
    public async Task RunAsync_OtherFile_DoesNotWaitForABusyFile()
    {
        var busyMayEnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var busy = SqliteWriteQueue.RunAsync($"busy-{Guid.NewGuid()}.db", async () =>
        {
            await busyMayEnd.Task;
            return 0;
        }, Ct);

        var other = await SqliteWriteQueue.RunAsync($"other-{Guid.NewGuid()}.db", () => Task.FromResult(7), Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(7, other);
        Assert.False(busy.IsCompleted);
        busyMayEnd.SetResult();
        await busy;
    }

    [Fact]
    public async Task RunAsync_WriteFails_TheNextWriteStillGetsItsTurn()
    {
        var file = $"fails-{Guid.NewGuid()}.db";

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SqliteWriteQueue.RunAsync<int>(file, () => throw new InvalidOperationException("disk full"), Ct));

        Assert.Equal(3, await SqliteWriteQueue.RunAsync(file, () => Task.FromResult(3), Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct));
    }
}
