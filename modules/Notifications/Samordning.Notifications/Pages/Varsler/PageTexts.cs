using Samordning.Shared.Time;

namespace Samordning.Notifications.Pages.Varsler;

internal static class PageTexts
{
    // Oslo time, formatted for the page's language.
    public static string DateTime(DateTimeOffset at) =>
        Oslo.ToOslo(at).ToString("dd.MM.yyyy HH:mm", Shared.Text.Localized.Culture);
}
