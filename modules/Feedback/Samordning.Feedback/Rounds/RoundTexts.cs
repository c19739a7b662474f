using Samordning.Feedback.Data;
using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Feedback.Rounds;

internal static class RoundTexts
{
    public static readonly (Audience Value, LocalizedText Text)[] Audiences =
    [
        (Audience.Ministries, new("Departementer", "Ministries")),
        (Audience.Agencies, new("Underliggende virksomheter", "Agencies")),
        (Audience.Suppliers, new("Leverandører", "Suppliers")),
        (Audience.Research, new("Forskningsmiljøer", "Research")),
        (Audience.Organisations, new("Organisasjoner", "Organisations")),
        (Audience.Citizens, new("Innbyggere", "Citizens")),
    ];

    public static string AudienceText(Audience audience) =>
        audience == Audience.Everyone
            ? Localized.T("Alle", "Everyone")
            : string.Join(", ", Audiences.Where(a => audience.HasFlag(a.Value)).Select(a => a.Text.ToString()));

    public static LocalizedText ContributorTypeText(ContributorType type) => type switch
    {
        ContributorType.Ministry => new("Departement", "Ministry"),
        ContributorType.Agency => new("Underliggende virksomhet", "Agency"),
        ContributorType.Supplier => new("Leverandør", "Supplier"),
        ContributorType.Research => new("Forskningsmiljø", "Research"),
        ContributorType.Organisation => new("Organisasjon", "Organisation"),
        _ => new("Innbygger", "Citizen"),
    };

    public static LocalizedText ChannelText(Channel channel) => channel switch
    {
        Channel.WebForm => new("Innspillsskjema", "Input form"),
        Channel.Email => new("E-post", "E-mail"),
        Channel.Letter => new("Brev", "Letter"),
        Channel.Meeting => new("Møte", "Meeting"),
        _ => new("En-til-en-møte", "One-to-one meeting"),
    };

    public static LocalizedText StatusText(FeedbackStatus status) => status switch
    {
        FeedbackStatus.Received => new("Mottatt", "Received"),
        FeedbackStatus.BeingAssessed => new("Under vurdering", "Being assessed"),
        FeedbackStatus.Used => new("Brukt", "Used"),
        FeedbackStatus.NotUsed => new("Ikke brukt", "Not used"),
        _ => new("Besvart", "Answered"),
    };

    // For tables: the instant in numbers, narrow enough to stay on one line in a column.
    public static string ShortDateTime(DateTimeOffset instant) =>
        Oslo.ToOslo(instant).ToString(Localized.IsEnglish ? "dd/MM/yyyy HH:mm" : "dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    // For tables: the Oslo date in numbers.
    public static string Date(DateTimeOffset instant) =>
        Oslo.DateOf(instant).ToString(Localized.IsEnglish ? "dd/MM/yyyy" : "dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    // Oslo wall-clock time, as people read deadlines ("6. april 2018 kl. 23:59").
    public static string DateTime(DateTimeOffset instant) =>
        Oslo.ToOslo(instant).ToString(Localized.IsEnglish ? "d MMMM yyyy 'at' HH:mm" : "d. MMMM yyyy 'kl.' HH:mm", System.Globalization.CultureInfo.CurrentCulture);

    // A datetime-local value is Oslo wall-clock time without a zone; the offset is the one in force then.
    public static DateTimeOffset FromOsloLocal(System.DateTime local) => DateRange.FromOsloLocal(local);
}
