using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Feedback.Data;
using Samordning.Shared.History;
using Samordning.Shared.Persistence;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Privacy;

namespace Samordning.Tests.History;

// The contributor's personal data in an input item's history: the audit log keeps it only redacted, but an entry
// written before the properties were marked may still hold it; such values are shown only to those who may see who
// gave the input, and are gone from the history after anonymisation.
public sealed class HistoryPersonalDataTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InputItemHistory_LegacyEntryWithNameAndEmail_OnlyCoordinatorSeesThemAndAnonymisationRemovesThem()
    {
        await using var host = PrivacyHost.Start(new Dictionary<string, string?> { ["Modules:Feedback:Retention:InputWithoutRoundMonths"] = "6" });
        var person = Contributor.New();
        var id = await host.RecordWithoutRoundAsync(person);
        var received = host.Clock.UtcNow;
        await AddLegacyAuditEntryAsync(host, id, person);

        var coordinatorBefore = await HistoryJsonAsync(host, People.Coordinator, id);
        var observer = await HistoryJsonAsync(host, People.Observer, id);
        host.Clock.UtcNow = received.AddMonths(6).AddMinutes(1);
        await host.RunJobAsync("feedback.anonymise");
        var coordinatorAfter = await HistoryJsonAsync(host, People.Coordinator, id);

        Assert.Contains(person.Name, coordinatorBefore, StringComparison.Ordinal);
        Assert.Contains(person.Email, coordinatorBefore, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Name, observer, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Email, observer, StringComparison.Ordinal);
        Assert.Contains("personopplysning, skjult for deg", observer, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Name, coordinatorAfter, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Email, coordinatorAfter, StringComparison.Ordinal);
        var history = JsonSerializer.Deserialize<HistoryView>(coordinatorAfter, JsonSerializerOptions.Web)!;
        Assert.Contains(history.Items.SelectMany(i => i.Changes), c => c.Field == "AnonymisedAt" && c.After != "–");
        Assert.All(history.Items.SelectMany(i => i.Changes).Where(c => c.Field is "ContributorName" or "ContributorEmail"), c => Assert.True(c.Personal));
    }

    private static async Task<string> HistoryJsonAsync(PrivacyHost host, string reader, Guid id)
    {
        var response = await host.Factory.CreateClientAs(reader).GetAsync($"/api/feedback/items/{id}/history", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return body;
    }

    // An audit entry as the interceptor wrote it before the item's personal properties were marked.
    private static Task<int> AddLegacyAuditEntryAsync(PrivacyHost host, Guid id, Contributor person) =>
        host.WithAsync(async sp =>
        {
            var db = sp.GetRequiredService<FeedbackDbContext>();
            db.AuditLog.Add(new AuditEntry
            {
                At = host.Clock.UtcNow,
                Actor = "system",
                Entity = nameof(FeedbackItem),
                EntityId = id,
                Action = "Updated",
                Before = JsonSerializer.Serialize(new { ContributorName = (string?)null, ContributorEmail = (string?)null }),
                After = JsonSerializer.Serialize(new { ContributorName = person.Name, ContributorEmail = person.Email }),
            });
            return await db.SaveChangesAsync(Ct);
        });
}
