using System.Text.RegularExpressions;

namespace Samordning.Feedback.Journal;

internal enum JournalDirection
{
    // Inngående dokument: input received from outside.
    Incoming,

    // Organinternt dokument uten oppfølging: minutes and presentations of the ministry's own meetings.
    Internal,
}

// One journal entry as shown and exported: its kept numbers and what its document says today.
internal sealed partial record JournalLine(
    long EntryId,
    int Year,
    int Sequence,
    int DocumentNumber,
    DateTimeOffset JournalledAt,
    JournalCaseInfo Case,
    string Kind,
    Guid SourceId,
    JournalDirection Direction,
    string Title,
    DateTimeOffset? DocumentDate,
    string? Party,
    bool PartyIsPrivatePerson,
    bool PartyNamePublic,
    string? ExemptionBasis)
{
    public const string ScreenedName = "*****";

    public string JournalNumber => $"{Year}/{Sequence}";

    // Saksnummer-dokumentnummer, as a ministry writes it: 2026/14-3.
    public string DocumentReference => $"{Case.Number}-{DocumentNumber}";

    public bool Exempt => ExemptionBasis is not null;

    // The name the public may see: none when the entry is exempt, the sender a private person who did not agree to be
    // named, or the name is gone (anonymised or erased).
    public string? PublicParty => Exempt || !PartyNamePublic ? null : Party;

    // Noark's access code (tilgangskode): the section of the Freedom of Information Act the basis cites, as
    // archives code it ("13" for offl. § 13), or "UO" (unntatt offentlighet) when the basis cites no section.
    public string? AccessCode => ExemptionBasis is null ? null
        : OffentleglovaSection().Match(ExemptionBasis) is { Success: true } match ? match.Groups[1].Value : "UO";

    [GeneratedRegex(@"§\s*(\d+)")]
    private static partial Regex OffentleglovaSection();
}

internal sealed record JournalCaseInfo(long Id, int Year, int Sequence, string Title, DateTimeOffset OpenedAt)
{
    public string Number => $"{Year}/{Sequence}";
}
