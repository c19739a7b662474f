using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Samordning.Meetings.Data;
using Samordning.Meetings.Entries;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Live;
using Samordning.Tests.Feedback;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Host;

// Point 14 of issue 13: what must follow a change commits with it. A real host process whose immediate delivery is
// switched off (Outbox:DeliverAtOnce=false, Outbox:RunWorker=false: the same code path, only the delivery after the
// commit is left out) stores a note and a public submission that asks for a receipt, and is killed with SIGKILL.
// A second process on the same data folder delivers both: the note reaches a follower catching up by sequence,
// and the receipt mail reaches the pickup folder, each exactly once.
public sealed partial class OutboxCrashTests
{
    private const string Facilitator = "sigrid.fasilitator@kmd.example.no";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Outbox_ProcessKilledBetweenCommitAndDelivery_LiveItemAndReceiptMailArriveOnceAfterRestart()
    {
        var dataFolder = Directory.CreateTempSubdirectory("samordning-outbox-").FullName;
        try
        {
            Guid meetingId, entryId;
            long before;
            string reference;
            await using (var first = await HostNode.StartAsync(dataFolder, new Dictionary<string, string>
            {
                ["Outbox__DeliverAtOnce"] = "false",
                ["Outbox__RunWorker"] = "false",
                ["Jobs__RunServer"] = "false",
            }, Ct))
            {
                var facilitator = await first.SignInAsync(Facilitator, Ct);
                var meetings = await facilitator.GetFromJsonAsync<List<MeetingSummary>>("/api/meetings", FeedbackFixture.Json, Ct);
                meetingId = meetings!.First(m => m.Status == MeetingStatus.Live).Id;
                before = await LastSequenceAsync(facilitator, meetingId);
                var written = await facilitator.PostAsJsonAsync($"/api/meetings/{meetingId}/entries", new EntryRequest(EntryKind.Note, "Skrevet rett før strømmen gikk"), FeedbackFixture.Json, Ct);
                entryId = (await Problem.ReadOkAsync<EntryView>(written, HttpStatusCode.Created, Ct)).Id;
                reference = await SubmitWithReceiptAsync(first.Address);

                // Only the outbox rows were committed: nothing delivered yet.
                Assert.Equal(before, await LastSequenceAsync(facilitator, meetingId));
                await first.KillAsync();
            }

            Assert.Empty(Mails(dataFolder, reference));
            await using var second = await HostNode.StartAsync(dataFolder, new Dictionary<string, string>(), Ct);
            var follower = await second.SignInAsync(Facilitator, Ct);

            var items = await WaitForAsync(
                async () => (await follower.GetFromJsonAsync<List<LiveItem>>($"/api/live?topic=meeting:{meetingId}&after={before}", Ct))!
                    .Where(i => i.Type == MeetingLive.EntryType && i.Payload.Contains(entryId.ToString(), StringComparison.OrdinalIgnoreCase)).ToList(),
                TimeSpan.FromSeconds(60));
            var mails = await WaitForAsync(() => Task.FromResult(Mails(dataFolder, reference)), TimeSpan.FromSeconds(150));

            // A further pass or two must not deliver them again.
            await Task.Delay(TimeSpan.FromSeconds(3), Ct);
            var itemsLater = await follower.GetFromJsonAsync<List<LiveItem>>($"/api/live?topic=meeting:{meetingId}&after={before}", Ct);
            Assert.Single(items);
            Assert.Single(itemsLater!, i => i.Type == MeetingLive.EntryType && i.Payload.Contains(entryId.ToString(), StringComparison.OrdinalIgnoreCase));
            Assert.Single(mails);
            Assert.Single(Mails(dataFolder, reference));
        }
        finally
        {
            try
            {
                Directory.Delete(dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open must not fail the test; the folder is in the temp area.
            }
        }
    }

    private static async Task<long> LastSequenceAsync(HttpClient client, Guid meetingId)
    {
        var items = await client.GetFromJsonAsync<List<LiveItem>>($"/api/live?topic=meeting:{meetingId}&after=0", Ct);
        return items!.Count == 0 ? 0 : items.Max(i => i.Sequence);
    }

    // The public form of the seeded open round, as a browser posts it; returns the receipt's reference.
    private static async Task<string> SubmitWithReceiptAsync(Uri address)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = address };
        var roundId = RoundLink().Match(await client.GetStringAsync("/innspill", Ct)).Groups[1].Value;
        var (antiforgery, token) = await PublicForm.OpenAsync(client, Guid.Parse(roundId));
        var posted = await PublicForm.PostAsync(client, Guid.Parse(roundId), PublicForm.Valid(antiforgery, token));
        return PublicForm.Reference(posted);
    }

    private static List<string> Mails(string dataFolder, string reference)
    {
        var folder = Path.Combine(dataFolder, "mail-pickup");
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.eml").Where(f => File.ReadAllText(f).Contains(reference, StringComparison.Ordinal))]
            : [];
    }

    private static async Task<List<T>> WaitForAsync<T>(Func<Task<List<T>>> read, TimeSpan patience)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var found = await read();
            if (found.Count > 0 || waited.Elapsed > patience)
            {
                return found;
            }

            await Task.Delay(250, Ct);
        }
    }

    [GeneratedRegex("/innspill/([0-9a-fA-F-]{36})")]
    private static partial Regex RoundLink();
}
