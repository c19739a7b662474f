using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Samordning.Shared.Live;

namespace Samordning.Tests.Nodes;

// Issue 14, point 4 (d): node A is killed with SIGKILL while notes are being written on it. Every note A
// acknowledged (201) is kept, and a participant that followed the meeting on A reconnects to node B and, catching
// up by sequence from the last item it saw, gets every one of them with no gap in the sequence.
[Trait("Pass", "Server")]
[Collection(SeveralNodesFixture.Collection)]
public sealed class NodeCrashTests(SeveralNodesFixture nodes) : IClassFixture<SeveralNodesFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NodeA_KilledDuringWrites_AcknowledgedNotesKeptAndClientCatchesUpOnNodeB()
    {
        using var writer = await nodes.A.SignInAsync(SeveralNodesFixture.Facilitator, Ct);
        var meetingId = await SeveralNodesTests.LiveMeetingAsync(writer);
        var topic = $"meeting:{meetingId}";
        var participantCookies = new CookieContainer();
        using var participant = await nodes.A.SignInAsync(SeveralNodesFixture.Coordinator, participantCookies, Ct);
        var seen = new ConcurrentDictionary<long, LiveItem>();
        long before;
        await using (var onA = await SeveralNodesFixture.ConnectAsync(nodes.A, participantCookies, Ct))
        {
            onA.On<LiveItem>("item", item => seen.TryAdd(item.Sequence, item));
            before = await onA.InvokeAsync<long>("Join", topic, Ct);

            // Notes are written one after another until the node dies under them; the kill comes mid-stream.
            var acknowledged = new ConcurrentQueue<Guid>();
            var writing = Task.Run(async () =>
            {
                for (var n = 0; ; n++)
                {
                    try
                    {
                        acknowledged.Enqueue(await SeveralNodesFixture.WriteNoteAsync(writer, meetingId, $"Notat {n} før krasjet", Ct));
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }
                }
            }, Ct);
            await WaitUntilAsync(() => acknowledged.Count >= 10, TimeSpan.FromSeconds(60));
            await nodes.A.KillAsync();
            await writing.WaitAsync(TimeSpan.FromSeconds(30), Ct);

            // The participant's browser reconnects to node B with the same session and catches up after the last
            // item it saw on A.
            var lastSeen = seen.IsEmpty ? before : seen.Keys.Max();
            var onB = SeveralNodesFixture.CookiesFor(nodes.B, participantCookies);
            await using var connectionB = await SeveralNodesFixture.ConnectAsync(nodes.B, onB, Ct);
            connectionB.On<LiveItem>("item", item => seen.TryAdd(item.Sequence, item));
            await connectionB.InvokeAsync<long>("Join", topic, Ct);
            using var clientB = nodes.B.Client(onB);
            var expected = acknowledged.ToList();
            await WaitUntilAsync(
                async () =>
                {
                    foreach (var item in (await clientB.GetFromJsonAsync<List<LiveItem>>($"/api/live?topic={topic}&after={lastSeen}", Ct))!)
                    {
                        seen.TryAdd(item.Sequence, item);
                    }

                    return expected.All(id => seen.Values.Any(i => SeveralNodesFixture.Carries(i, id)));
                },
                TimeSpan.FromSeconds(90));

            var items = seen.Values.Where(i => i.Sequence > before).OrderBy(i => i.Sequence).ToList();
            Assert.Equal(Enumerable.Range(1, items.Count).Select(i => before + i), items.Select(i => i.Sequence));
            Assert.All(expected, id => Assert.Single(items, i => SeveralNodesFixture.Carries(i, id)));
            Assert.True(expected.Count >= 10);
        }
    }

    private static Task WaitUntilAsync(Func<bool> condition, TimeSpan patience) =>
        WaitUntilAsync(() => Task.FromResult(condition()), patience);

    // Polls until the condition holds or the patience runs out; the assertions after it say what was missing.
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan patience)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition() && waited.Elapsed < patience)
        {
            await Task.Delay(250, Ct);
        }
    }
}
