using System.Globalization;
using Samordning.Tests.Notifications;

namespace Samordning.Tests.Nodes;

// Two nodes as SeveralNodesFixture starts them, both running Hangfire's server on the shared job storage and both
// sending mail to one real SMTP server. Reminders go out at any hour (the test runs whenever CI does) and the
// sweep runs every minute, so a test sees several sweeps in a few minutes instead of one every five.
public sealed class ReminderNodesFixture : SeveralNodesFixture
{
    public SmtpSink Smtp { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        Smtp = await SmtpSink.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            if (Smtp is not null)
            {
                await Smtp.DisposeAsync();
            }
        }
    }

    protected override IReadOnlyDictionary<string, string> NodeSettings() => new Dictionary<string, string>
    {
        ["Modules__Notifications__SendFromHour"] = "0",
        ["Modules__Notifications__SendUntilHour"] = "24",
        ["Modules__Notifications__SweepCron"] = "* * * * *",
        ["Modules__Notifications__Smtp__Host"] = "127.0.0.1",
        ["Modules__Notifications__Smtp__Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Modules__Notifications__Smtp__Security"] = "None",
    };
}
