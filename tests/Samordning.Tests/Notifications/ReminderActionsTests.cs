using Samordning.Ministries.Contracts;
using Samordning.Notifications.Data;
using Samordning.Notifications.Mail;
using Samordning.Notifications.Sweep;
using Samordning.Shared.Deadlines;

namespace Samordning.Tests.Notifications;

// A reminder's one-click actions (issue 17): each recipient's mail and in-app reminder carry their own links (absolute
// in the mail), and only theirs.
public sealed class ReminderActionsTests
{
    private static readonly DateTimeOffset Now = new(2027, 6, 7, 8, 5, 0, TimeSpan.FromHours(2));

    [Fact]
    public void Plan_DeadlineWithActions_EachMailAndNotificationCarriesOnlyItsRecipientsLinks()
    {
        var (per, ingrid) = (Guid.NewGuid(), Guid.NewGuid());
        var deadline = new Deadline("workstreams.round:1", "reporting-round", new("Status per 1. mars", "Status per 1 March"), Now.AddDays(3), "/arbeidsstrommer/runder/1", [per, ingrid])
        {
            Actions = new Dictionary<Guid, IReadOnlyList<DeadlineAction>>
            {
                [per] = [new(new("Skatt & avgift", "Skatt & avgift"), "/arbeidsstrommer/runder/1/bekreft/a"), new(new("Budsjett", "Budsjett"), "/arbeidsstrommer/runder/1/bekreft/b")],
            },
        };
        var people = new Dictionary<Guid, PersonInfo?>
        {
            [per] = new(per, "Per Hansen", "per@fin.example.no", null, null, [], true, "nb"),
            [ingrid] = new(ingrid, "Ingrid", "ingrid@hod.example.no", null, null, [], true, "en"),
        };

        var plan = new ReminderPlanner("https://samordning.example.no").Plan(
            ReminderPlanner.Pending([new DueReminder(deadline, "3d", false)], new HashSet<ReminderKey>(), new Dictionary<Guid, NotificationPreference>()), people, Now);

        var mails = plan.Claims.Select(c => c.Delivery).OfType<MailMessage>().ToDictionary(m => m.ToAddress);
        var mine = mails["per@fin.example.no"];
        Assert.Contains("Er statusen uendret? Bekreft hvert tiltak med ett klikk:", mine.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Uendret: Skatt & avgift\n  https://samordning.example.no/arbeidsstrommer/runder/1/bekreft/a\n", mine.TextBody, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"https://samordning.example.no/arbeidsstrommer/runder/1/bekreft/b\">Uendret: Budsjett</a></li>", mine.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Uendret: Skatt &amp; avgift", mine.HtmlBody, StringComparison.Ordinal);
        var notifications = plan.Claims.Select(c => c.Delivery).OfType<Notification>().ToDictionary(n => n.PersonId);
        Assert.Equal(
            [new NotificationAction("Skatt & avgift", "Skatt & avgift", "/arbeidsstrommer/runder/1/bekreft/a"), new NotificationAction("Budsjett", "Budsjett", "/arbeidsstrommer/runder/1/bekreft/b")],
            NotificationAction.Read(notifications[per].Actions));
        Assert.Null(notifications[ingrid].Actions);
        var theirs = mails["ingrid@hod.example.no"];
        Assert.DoesNotContain("bekreft/", theirs.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("one click", theirs.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_DailyDigest_HeldReminderKeepsItsRecipientsActions()
    {
        var (per, ingrid) = (Guid.NewGuid(), Guid.NewGuid());
        var deadline = new Deadline("workstreams.round:1", "reporting-round", new("Status per 1. mars", "Status per 1 March"), Now.AddDays(3), "/arbeidsstrommer/runder/1", [per, ingrid])
        {
            Actions = new Dictionary<Guid, IReadOnlyList<DeadlineAction>> { [per] = [new(new("Skatt & avgift", "Tax & duties") { Nn = "Skatt & avgifter" }, "/arbeidsstrommer/runder/1/bekreft/a")] },
        };
        var people = new Dictionary<Guid, PersonInfo?>
        {
            [per] = new(per, "Per Hansen", "per@fin.example.no", null, null, [], true, "nb"),
            [ingrid] = new(ingrid, "Ingrid", "ingrid@hod.example.no", null, null, [], true, "en"),
        };
        var digest = new Dictionary<Guid, NotificationPreference>
        {
            [per] = new() { PersonId = per, DailyDigest = true },
            [ingrid] = new() { PersonId = ingrid, DailyDigest = true },
        };

        var plan = new ReminderPlanner("https://samordning.example.no").Plan(
            ReminderPlanner.Pending([new DueReminder(deadline, "3d", false)], new HashSet<ReminderKey>(), digest), people, Now);

        var held = plan.Claims.Select(c => c.Entry).Where(e => e.State == ReminderState.AwaitingDigest).ToDictionary(e => e.RecipientId);
        Assert.Equal([new NotificationAction("Skatt & avgift", "Tax & duties", "/arbeidsstrommer/runder/1/bekreft/a", "Skatt & avgifter")], NotificationAction.Read(held[per].Actions));
        Assert.Null(held[ingrid].Actions);
    }

    [Theory]
    [InlineData("nb", "Er statusen uendret? Bekreft hvert tiltak med ett klikk:", "Uendret: Skatt & avgift", "Uendret: Skatt &amp; avgift")]
    [InlineData("nn", "Er statusen uendra? Stadfest kvart tiltak med eitt klikk:", "Uendra: Skatt & avgifter", "Uendra: Skatt &amp; avgifter")]
    [InlineData("en", "Is the status unchanged? Confirm each initiative with one click:", "Unchanged: Tax & duties", "Unchanged: Tax &amp; duties")]
    public void Digest_ItemWithActions_LinksUnderTheItemInThePersonsLanguageEachOnce(string language, string lead, string text, string html)
    {
        var action = new NotificationAction("Skatt & avgift", "Tax & duties", "/arbeidsstrommer/runder/1/bekreft/a", "Skatt & avgifter");
        List<MailAction> actions = [new(action.LabelIn(language), action.Link)];
        var due = Now.AddDays(3);

        var mail = ReminderMail.Digest(language, "Per", [new("Runde", due, "/arbeidsstrommer/runder/1", actions), new("Runde", due, "/arbeidsstrommer/runder/1", actions), new("Annet", due, "/annet", [])], "https://samordning.example.no");

        Assert.Contains($"  {lead}\n  - {text}\n    https://samordning.example.no/arbeidsstrommer/runder/1/bekreft/a\n", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"<li><a href=\"https://samordning.example.no/arbeidsstrommer/runder/1/bekreft/a\">{html}</a></li>", mail.Html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(mail.Text, "bekreft/a"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(mail.Html, "bekreft/a"));
    }
}
