using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Npgsql;
using Samordning.Meetings.Data;
using Samordning.Meetings.Entries;
using Samordning.Ministries.People;
using Samordning.Notifications.Admin;
using Samordning.Notifications.Data;
using Samordning.Shared.Time;
using Samordning.Tests.Feedback;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Nodes;

// Issue 14, point 4 (c): both nodes run the reminder sweep (Hangfire's server on each, one job storage), and a
// coordinator's "send a reminder now" reaches both at the same moment (a double submit the load balancer spread
// over the two). Every reminder reaches the SMTP server once, and the reminder log has one row for it.
[Trait("Pass", "Server")]
[Collection(SeveralNodesFixture.Collection)]
public sealed partial class ReminderNodesTests(ReminderNodesFixture nodes) : IClassFixture<ReminderNodesFixture>
{
    private const int Owners = 4;
    private const int SubmitsPerNode = 3;

    // Long enough for two sweeps (every minute) and the mail delivery after them, on a loaded machine.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reminders_SweptAndSentNowOnBothNodesAtOnce_EachReachesMailOnceWithOneLogRow()
    {
        var cookies = new CookieContainer();
        using var coordinatorA = await nodes.A.SignInAsync(SeveralNodesFixture.Coordinator, cookies, Ct);
        using var coordinatorB = nodes.B.Client(SeveralNodesFixture.CookiesFor(nodes.B, cookies));
        using var facilitator = await nodes.A.SignInAsync(SeveralNodesFixture.Facilitator, Ct);
        var meetingId = await SeveralNodesTests.LiveMeetingAsync(facilitator);

        // Action items due tomorrow, each owned by a person of its own: the policy's reminder of them is due now.
        var tomorrow = Oslo.DateOf(DateTimeOffset.UtcNow).AddDays(1);
        var owners = new Dictionary<string, PersonDetails>();
        for (var i = 0; i < Owners; i++)
        {
            using var created = await coordinatorA.PostAsJsonAsync("/api/ministries/people", Builders.Person() with { Name = $"Påminnet {i}" }, FeedbackFixture.Json, Ct);
            var owner = await Problem.ReadOkAsync<PersonDetails>(created, HttpStatusCode.Created, Ct);
            using var written = await facilitator.PostAsJsonAsync($"/api/meetings/{meetingId}/entries",
                new EntryRequest(EntryKind.ActionItem, $"Følg opp punkt {i}", OwnerPersonId: owner.Id, DueDate: tomorrow), FeedbackFixture.Json, Ct);
            var item = await Problem.ReadOkAsync<EntryView>(written, HttpStatusCode.Created, Ct);
            owners[$"meetings.action:{item.Id}"] = owner;
        }

        // The same form (one token per deadline) submitted again and again, the load balancer spreading the
        // submits over node A and node B: all of them at once.
        var sends = owners.Keys.SelectMany(key =>
        {
            var request = new SendReminderNowRequest(key, Guid.NewGuid());
            return Enumerable.Range(0, SubmitsPerNode).SelectMany(_ => new[] { SendNowAsync(coordinatorA, request), SendNowAsync(coordinatorB, request) });
        }).ToList();
        var queued = await Task.WhenAll(sends);
        var sweepsBefore = Sweeps();

        // Until every owner's reminders (the one sent now and the sweep's) are delivered, and a sweep has run since.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < Patience && !(await DeliveredAsync(owners) && Sweeps() > sweepsBefore))
        {
            await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        }

        // One more sweep after all was delivered: a reminder sent twice would show now.
        var sweepsDelivered = Sweeps();
        while (waited.Elapsed < Patience + TimeSpan.FromSeconds(90) && Sweeps() <= sweepsDelivered)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        }

        var log = await LogAsync([.. owners.Keys]);
        Assert.True(Sweeps() > sweepsDelivered, $"No sweep ran after delivery.\nA:\n{nodes.A.Output}\nB:\n{nodes.B.Output}");
        Assert.All(owners.Keys, key => Assert.Equal(2, queued.Where(q => q.DeadlineKey == key).Sum(q => q.Queued)));
        Assert.All(log.GroupBy(row => (row.DeadlineKey, row.Offset, row.RecipientId, row.Channel)), group => Assert.Single(group));
        foreach (var (key, owner) in owners)
        {
            var mailRows = log.Where(row => row.DeadlineKey == key && row.Channel == Channels.Mail).ToList();
            // Reminders only: the owner also got one mail saying the action item was given to them (a notification
            // of what happened, not a reminder of its deadline).
            var mails = nodes.Smtp.MessagesTo(owner.Email).Where(IsReminder).ToList();

            // The reminder sent now and at least one the sweep found due by the policy; each mailed once.
            Assert.Single(mailRows, row => row.Offset.StartsWith("now:", StringComparison.Ordinal));
            Assert.Contains(mailRows, row => !row.Offset.StartsWith("now:", StringComparison.Ordinal));
            Assert.All(mailRows, row => Assert.Equal(owner.Id, row.RecipientId));
            Assert.Equal(mailRows.Count, mails.Count);
        }
    }

    private static bool IsReminder(string raw)
    {
        var subject = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw))).Subject ?? "";
        return ((string[])["Påminnelse:", "Fristen er passert:", "Reminder:", "Deadline passed:"]).Any(start => subject.StartsWith(start, StringComparison.Ordinal));
    }

    private static async Task<SendReminderNowResult> SendNowAsync(HttpClient coordinator, SendReminderNowRequest request)
    {
        using var response = await coordinator.PostAsJsonAsync("/api/notifications/reminders/send-now", request, FeedbackFixture.Json, Ct);
        return await Problem.ReadOkAsync<SendReminderNowResult>(response, HttpStatusCode.OK, Ct);
    }

    // The sweeps that have finished on either node (each logs one line when done).
    private int Sweeps() =>
        SweepLine().Count(nodes.A.Output) + SweepLine().Count(nodes.B.Output);

    // Every owner has a mail reminder sent now and one from the sweep in the log, the outbox sent them, and the SMTP
    // server has as many for the owner.
    private async Task<bool> DeliveredAsync(Dictionary<string, PersonDetails> owners)
    {
        var log = await LogAsync([.. owners.Keys]);
        return owners.All(o =>
        {
            var mail = log.Where(row => row.DeadlineKey == o.Key && row.Channel == Channels.Mail).ToList();
            return mail.Count >= 2 && mail.All(row => row.MailSent) && nodes.Smtp.MessagesTo(o.Value.Email).Count >= mail.Count;
        });
    }

    private async Task<List<LogRow>> LogAsync(string[] keys)
    {
        await using var connection = new NpgsqlConnection(nodes.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var query = new NpgsqlCommand(
            """
            SELECT r."DeadlineKey", r."Offset", r."RecipientId", r."Channel", m."State" = 'Sent'
            FROM notifications."ReminderLog" r LEFT JOIN notifications."Mail" m ON m."Key" = r."MailKey"
            WHERE r."DeadlineKey" = ANY(@keys)
            """, connection);
        query.Parameters.AddWithValue("keys", keys);
        var rows = new List<LogRow>();
        await using var reader = await query.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(new LogRow(reader.GetString(0), reader.GetString(1), reader.GetGuid(2), reader.GetString(3), !reader.IsDBNull(4) && reader.GetBoolean(4)));
        }

        return rows;
    }

    private sealed record LogRow(string DeadlineKey, string Offset, Guid RecipientId, string Channel, bool MailSent);

    [GeneratedRegex("Reminder sweep: ")]
    private static partial Regex SweepLine();
}
