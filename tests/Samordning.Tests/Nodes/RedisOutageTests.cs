using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Samordning.Shared.Live;

namespace Samordning.Tests.Nodes;

// Issue 14, point 4 (e): Redis (the SignalR backplane) stops for 10 s. Both nodes keep serving pages and taking
// notes meanwhile; when Redis is back, a participant on node B gets a note written on node A live again, and what
// was written during the outage by catching up by sequence.
[Trait("Pass", "Server")]
[Collection(SeveralNodesFixture.Collection)]
public sealed class RedisOutageTests(SeveralNodesFixture nodes) : IClassFixture<SeveralNodesFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Redis_StoppedTenSeconds_NodesKeepServingAndClientCatchesUp()
    {
        var writerCookies = new CookieContainer();
        using var writer = await nodes.A.SignInAsync(SeveralNodesFixture.Facilitator, writerCookies, Ct);
        using var writerOnB = nodes.B.Client(SeveralNodesFixture.CookiesFor(nodes.B, writerCookies));
        var meetingId = await SeveralNodesTests.LiveMeetingAsync(writer);
        var topic = $"meeting:{meetingId}";
        var participantCookies = new CookieContainer();
        using var participant = await nodes.B.SignInAsync(SeveralNodesFixture.Coordinator, participantCookies, Ct);
        await using var connection = await SeveralNodesFixture.ConnectAsync(nodes.B, participantCookies, Ct);
        var live = new ConcurrentDictionary<long, LiveItem>();
        connection.On<LiveItem>("item", item => live.TryAdd(item.Sequence, item));
        var lastSeen = await connection.InvokeAsync<long>("Join", topic, Ct);

        await nodes.Redis.StopAsync();
        var outage = System.Diagnostics.Stopwatch.StartNew();
        var duringOutage = await SeveralNodesFixture.WriteNoteAsync(writer, meetingId, "Skrevet mens Redis var borte", Ct);
        using var pageA = await writer.GetAsync(new Uri("/departementer", UriKind.Relative), Ct);
        using var pageB = await writerOnB.GetAsync(new Uri("/departementer", UriKind.Relative), Ct);
        var remaining = TimeSpan.FromSeconds(10) - outage.Elapsed;
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, Ct);
        }

        await nodes.Redis.StartAgainAsync();

        // The backplane reconnects on its own; notes written after it has are broadcast to node B's client again.
        Guid? arrivedLive = null;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (arrivedLive is null && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            var id = await SeveralNodesFixture.WriteNoteAsync(writer, meetingId, "Skrevet etter at Redis kom tilbake", Ct);
            var patience = System.Diagnostics.Stopwatch.StartNew();
            while (arrivedLive is null && patience.Elapsed < TimeSpan.FromSeconds(3))
            {
                arrivedLive = live.Values.Any(i => SeveralNodesFixture.Carries(i, id)) ? id : null;
                await Task.Delay(100, Ct);
            }
        }

        using var participantOnB = nodes.B.Client(participantCookies);
        var caughtUp = await participantOnB.GetFromJsonAsync<List<LiveItem>>($"/api/live?topic={topic}&after={lastSeen}", Ct);

        Assert.Equal(HttpStatusCode.OK, pageA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pageB.StatusCode);
        Assert.NotNull(arrivedLive);
        Assert.Single(caughtUp!, i => SeveralNodesFixture.Carries(i, duringOutage));
        Assert.Equal(Enumerable.Range(1, caughtUp!.Count).Select(i => lastSeen + i), caughtUp.Select(i => i.Sequence));
    }
}
