using System.Net;
using System.Net.Http.Json;
using Samordning.Meetings.Data;
using Samordning.Meetings.Entries;
using Samordning.Tests.Feedback;

namespace Samordning.Tests.Nodes;

// Issue 14, point 4 (f): the database stops under both nodes (a fast shutdown: open connections are cut and new
// ones refused). Pages and API calls on either node are answered 503 with Retry-After at once, not 500 and not a
// hang; /health/ready fails while /health/live still answers; no node exits. When the database is back on the same
// port and files, both nodes are ready again and serve and store as before.
[Trait("Pass", "Server")]
[Collection(SeveralNodesFixture.Collection)]
public sealed class DatabaseOutageTests(DatabaseOutageFixture nodes) : IClassFixture<DatabaseOutageFixture>
{
    // Each request during the outage must be answered well within this: a refused connection fails at once.
    private static readonly TimeSpan Answer = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Database_StoppedAndStarted_503WithRetryAfterAndNotReadyThenBothNodesRecover()
    {
        var cookies = new CookieContainer();
        using var onA = await nodes.A.SignInAsync(SeveralNodesFixture.Facilitator, cookies, Ct);
        using var onB = nodes.B.Client(SeveralNodesFixture.CookiesFor(nodes.B, cookies));
        var meetingId = await SeveralNodesTests.LiveMeetingAsync(onA);

        await nodes.Postgres.StopAsync();
        var outage = System.Diagnostics.Stopwatch.StartNew();
        var during = new List<Answered>();
        foreach (var (node, client) in new[] { ("A", onA), ("B", onB) })
        {
            during.Add(await SendAsync($"page on {node}", client, new HttpRequestMessage(HttpMethod.Get, "/departementer")));
            during.Add(await SendAsync($"API write on {node}", client, new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{meetingId}/entries")
            {
                Content = JsonContent.Create(new EntryRequest(EntryKind.Note, $"Skrevet på {node} mens databasen var borte"), options: FeedbackFixture.Json),
            }));
        }

        // Probed as a load balancer does: without a session.
        using var probeA = nodes.A.Client(new CookieContainer());
        using var probeB = nodes.B.Client(new CookieContainer());
        var readyDuring = new[] { await StatusAsync(probeA, "/health/ready"), await StatusAsync(probeB, "/health/ready") };
        var liveDuring = new[] { await StatusAsync(probeA, "/health/live"), await StatusAsync(probeB, "/health/live") };

        // Down for 15 s in all: long enough for Hangfire's servers (heartbeats, workers, schedulers) and the outbox
        // workers to meet the missing database again and again, which must not stop either process.
        var remaining = TimeSpan.FromSeconds(15) - outage.Elapsed;
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, Ct);
        }

        var runningDuring = new[] { nodes.A.Running, nodes.B.Running };

        await nodes.Postgres.StartAgainAsync();
        await nodes.A.WaitUntilReadyAsync(Ct);
        await nodes.B.WaitUntilReadyAsync(Ct);
        using var pageA = await onA.GetAsync(new Uri("/departementer", UriKind.Relative), Ct);
        using var pageB = await onB.GetAsync(new Uri("/departementer", UriKind.Relative), Ct);
        var writtenOnB = await SeveralNodesFixture.WriteNoteAsync(onB, meetingId, "Skrevet på B etter at databasen kom tilbake", Ct);
        var readOnA = await onA.GetFromJsonAsync<List<EntryView>>($"/api/meetings/{meetingId}/entries", FeedbackFixture.Json, Ct);

        Assert.All(during, d =>
        {
            Assert.True(d.Status == HttpStatusCode.ServiceUnavailable, $"{d.What}: {(int)d.Status}\n{d.Body}");
            Assert.True(d.RetryAfter > TimeSpan.Zero, $"{d.What}: no Retry-After");
            Assert.Contains("opptatt", d.Body, StringComparison.Ordinal);
        });
        Assert.All(readyDuring, status => Assert.NotEqual(HttpStatusCode.OK, status));
        Assert.All(liveDuring, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal([true, true], runningDuring);
        Assert.Equal(HttpStatusCode.OK, pageA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pageB.StatusCode);
        Assert.Contains(readOnA!, e => e.Id == writtenOnB);
        Assert.True(nodes.A.Running && nodes.B.Running);
        Assert.All(new[] { nodes.A.Output, nodes.B.Output }, output => Assert.DoesNotContain(" crit: ", output, StringComparison.Ordinal));
    }

    private static async Task<Answered> SendAsync(string what, HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            using var bounded = Bounded();
            using var response = await client.SendAsync(request, bounded.Token);
            return new(what, response.StatusCode, response.Headers.RetryAfter?.Delta, await response.Content.ReadAsStringAsync(bounded.Token));
        }
    }

    private sealed record Answered(string What, HttpStatusCode Status, TimeSpan? RetryAfter, string Body);

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var bounded = Bounded();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), bounded.Token);
        return response.StatusCode;
    }

    // A request that is not answered in time fails the test instead of hanging it.
    private static CancellationTokenSource Bounded()
    {
        var bounded = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        bounded.CancelAfter(Answer);
        return bounded;
    }
}
