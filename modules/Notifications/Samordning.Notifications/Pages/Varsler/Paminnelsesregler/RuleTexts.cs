using Samordning.Notifications.Scheduling;
using Samordning.Shared.Text;

namespace Samordning.Notifications.Pages.Varsler.Paminnelsesregler;

// How the rules pages say a policy in words.
internal static class RuleTexts
{
    public static string Offset(ReminderOffset offset) => offset switch
    {
        { Unit: OffsetUnit.Overdue } => Localized.T("første virkedag etter fristen", "first working day after the deadline"),
        { Amount: 0 } => Localized.T("på fristdagen", "on the day of the deadline"),
        { Unit: OffsetUnit.WorkingDays, Amount: 1 } => Localized.T("1 virkedag før", "1 working day before"),
        { Unit: OffsetUnit.WorkingDays, Amount: var n } => new LocalizedText($"{n} virkedager før", $"{n} working days before"),
        { Amount: 1 } => Localized.T("1 dag før", "1 day before"),
        { Amount: var n } => new LocalizedText($"{n} dager før", $"{n} days before"),
    };

    public static string Policy(IEnumerable<string> codes)
    {
        var offsets = codes.Select(ReminderOffset.Parse).ToList();
        return offsets.Count == 0 ? Localized.T("ingen påminnelser", "no reminders") : string.Join(", ", offsets.Select(Offset));
    }

    public static string Hour(int hour) => $"{hour:00}:00";
}
