using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Live;
using Samordning.Tests.Feedback;

namespace Samordning.Tests.Nodes;

// Issue 14, point 4: several nodes behind a load balancer. Real host processes on one PostgreSQL and one Redis;
// PostgreSQL always, so these run in build/test's PostgreSQL pass only (Pass=Server).
[Trait("Pass", "Server")]
[Collection(SeveralNodesFixture.Collection)]
public sealed class SeveralNodesTests(SeveralNodesFixture nodes) : IClassFixture<SeveralNodesFixture>
{
    // Generous: a broadcast normally arrives in milliseconds; the limit only stops a broken test from hanging.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SessionCookie_SignedInOnNodeA_AcceptedByNodeB()
    {
        var onA = new CookieContainer();
        using var _ = await nodes.A.SignInAsync(SeveralNodesFixture.Coordinator, onA, Ct);
        var onB = SeveralNodesFixture.CookiesFor(nodes.B, onA);

        using var anonymous = nodes.B.Client(new CookieContainer());
        using var signedIn = nodes.B.Client(onB);
        using var withoutSession = await anonymous.GetAsync(new Uri("/departementer", UriKind.Relative), Ct);
        using var withSession = await signedIn.GetAsync(new Uri("/departementer", UriKind.Relative), Ct);

        // Without the session node B sends the browser to sign in; with node A's cookie it serves the page.
        Assert.Equal(HttpStatusCode.Redirect, withoutSession.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withSession.StatusCode);
    }

    [Fact]
    public async Task Note_WrittenOnNodeA_ReachesParticipantConnectedToNodeB()
    {
        using var writer = await nodes.A.SignInAsync(SeveralNodesFixture.Facilitator, Ct);
        var meetingId = await LiveMeetingAsync(writer);
        var participantCookies = new CookieContainer();
        using var participant = await nodes.B.SignInAsync(SeveralNodesFixture.Coordinator, participantCookies, Ct);
        await using var connection = await SeveralNodesFixture.ConnectAsync(nodes.B, participantCookies, Ct);
        var received = new TaskCompletionSource<LiveItem>(TaskCreationOptions.RunContinuationsAsynchronously);
        var entryId = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<LiveItem>("item", async item =>
        {
            var id = await entryId.Task;
            if (SeveralNodesFixture.Carries(item, id))
            {
                received.TrySetResult(item);
            }
        });
        var last = await connection.InvokeAsync<long>("Join", $"meeting:{meetingId}", Ct);

        entryId.SetResult(await SeveralNodesFixture.WriteNoteAsync(writer, meetingId, "Skrevet på node A", Ct));

        var item = await received.Task.WaitAsync(Patience, Ct);
        Assert.True(item.Sequence > last);
    }

    // Issue 18's public pages are answered from a cache of whole pages per node: a milestone KMD publishes through one
    // node is on the next anonymous visit to the other node's process page, with no wait (the content version is
    // shared through Redis, and moved before the writer gets its answer).
    [Fact]
    public async Task ProcessPage_CachedOnNodeB_MilestonePublishedOnNodeA_OnNodeBAtTheNextVisit()
    {
        using var visitor = nodes.B.Client(new CookieContainer());
        var title = $"Milestone from node A {Guid.NewGuid():N}";
        var first = await visitor.GetStringAsync(new Uri("/prosess", UriKind.Relative), Ct);
        var cached = await visitor.GetStringAsync(new Uri("/prosess", UriKind.Relative), Ct);

        using var coordinator = await nodes.A.SignInAsync(SeveralNodesFixture.Coordinator, Ct);
        using var published = await coordinator.PostAsJsonAsync("/api/workstreams/milestones", PublicProcess.ProcessApi.Milestone(title), FeedbackFixture.Json, Ct);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var next = await visitor.GetStringAsync(new Uri("/prosess", UriKind.Relative), Ct);

        Assert.DoesNotContain(title, first, StringComparison.Ordinal);
        Assert.DoesNotContain(title, cached, StringComparison.Ordinal);
        Assert.Contains(title, next, StringComparison.Ordinal);
    }

    internal static async Task<Guid> LiveMeetingAsync(HttpClient client)
    {
        var meetings = await client.GetFromJsonAsync<List<MeetingSummary>>("/api/meetings", FeedbackFixture.Json, Ct);
        return meetings!.First(m => m.Status == MeetingStatus.Live).Id;
    }
}
