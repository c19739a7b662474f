using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Feedback.Data;
using Samordning.Shared.Persistence;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Privacy;

// After erasure or anonymisation no store and no file holds what was removed: every table of every store and the
// mail pickup folder are searched (PersonalDataScan), after a positive check that the search finds it before.
public sealed class PersonalDataTests
{
    private const string Anonymise = "feedback.anonymise";
    private const string DeliverMail = "notifications.mail-delivery";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Erase_PublicInputWithReceiptAndInputWithoutRound_NoStoreOrMailFileHoldsNameEmailOrText()
    {
        await using var host = PrivacyHost.Start();
        var person = Contributor.New();
        var round = await host.OpenRoundAsync(retentionMonths: 24);
        var reference = await host.SubmitAsync(round.Id, person);
        await host.RecordWithoutRoundAsync(person with { Text = person.Text + " Også på e-post." });
        await host.RunJobAsync(DeliverMail);
        await AddLegacyAuditEntryAsync(host, reference, person);
        var before = await host.FindAsync(person.All);

        var erase = await host.Factory.CreateClientAs(People.Coordinator).PostAsJsonAsync("/api/feedback/contributors/erase", new { person.Email }, Ct);

        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        Assert.Contains(before, f => f.StartsWith("feedback Items.ContributorName", StringComparison.Ordinal));
        Assert.Contains(before, f => f.StartsWith("notifications Mail.ToAddress", StringComparison.Ordinal));
        Assert.Contains(before, f => f.EndsWith($".eml holds {person.Name}", StringComparison.Ordinal));
        var after = await host.FindAsync(person.All);
        Assert.True(after.Count == 0, PersonalDataScan.Describe(after));
        Assert.Equal(2, await host.WithAsync(sp => sp.GetRequiredService<FeedbackDbContext>().Items.CountAsync(i => i.AnonymisedAt != null && i.OrganisationName != null && i.Text == null, Ct)));
    }

    [Fact]
    public async Task Anonymise_AfterRetentionOfRoundAndOfInputWithoutRound_NoStoreOrMailFileHoldsNameOrEmail()
    {
        await using var host = PrivacyHost.Start(new Dictionary<string, string?> { ["Modules:Feedback:Retention:InputWithoutRoundMonths"] = "6" });
        var submitter = Contributor.New();
        var recorded = Contributor.New();
        var round = await host.OpenRoundAsync(retentionMonths: 1);
        await host.SubmitAsync(round.Id, submitter);
        await host.RecordWithoutRoundAsync(recorded);
        var received = host.Clock.UtcNow;
        await host.RunJobAsync(DeliverMail);

        host.Clock.UtcNow = received.AddMonths(6).AddDays(-1);
        await host.RunJobAsync(Anonymise);
        var early = await host.FindAsync(recorded.NameAndEmail);
        host.Clock.UtcNow = received.AddMonths(6).AddMinutes(1);
        await host.RunJobAsync(Anonymise);

        Assert.True(round.Deadline.AddMonths(1) < received.AddMonths(6).AddDays(-1), "The round's retention has passed at the first run.");
        Assert.Contains(early, f => f.StartsWith("feedback Items.ContributorName", StringComparison.Ordinal));
        var after = await host.FindAsync([.. submitter.NameAndEmail, .. recorded.NameAndEmail]);
        Assert.True(after.Count == 0, PersonalDataScan.Describe(after));

        // Anonymisation keeps the input itself: the register's record of what was said.
        Assert.NotEmpty(await host.FindAsync(submitter.Text, recorded.Text));
    }

    [Fact]
    public async Task Record_ContributorNameEmailAndText_AuditEntryRedactsThemKeepsTheRest()
    {
        await using var host = PrivacyHost.Start();
        var person = Contributor.New();

        var id = await host.RecordWithoutRoundAsync(person);

        var created = await host.WithAsync(sp => sp.GetRequiredService<FeedbackDbContext>().AuditLog.AsNoTracking()
            .Where(a => a.EntityId == id && a.Action == "Created").Select(a => a.After!).SingleAsync(Ct));
        using var json = System.Text.Json.JsonDocument.Parse(created);
        Assert.Equal(AuditLog.Redacted, json.RootElement.GetProperty("ContributorName").GetString());
        Assert.Equal(AuditLog.Redacted, json.RootElement.GetProperty("ContributorEmail").GetString());
        Assert.Equal(AuditLog.Redacted, json.RootElement.GetProperty("Text").GetString());
        Assert.Equal("Testorganisasjonen", json.RootElement.GetProperty("OrganisationName").GetString());
    }

    // An audit entry as the interceptor wrote it before the item's personal properties were marked.
    private static Task<int> AddLegacyAuditEntryAsync(PrivacyHost host, string reference, Contributor person) =>
        host.WithAsync(async sp =>
        {
            var db = sp.GetRequiredService<FeedbackDbContext>();
            var id = await db.Items.Where(i => i.Reference == reference).Select(i => i.Id).SingleAsync(Ct);
            db.AuditLog.Add(new AuditEntry
            {
                At = host.Clock.UtcNow,
                Actor = "system",
                Entity = nameof(FeedbackItem),
                EntityId = id,
                Action = "Created",
                After = System.Text.Json.JsonSerializer.Serialize(new { ContributorName = person.Name, ContributorEmail = person.Email, person.Text, OrganisationName = "Testleverandør AS" }),
            });
            return await db.SaveChangesAsync(Ct);
        });
}
