using Samordning.Shared.Text;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Reports;

// What a status report shows, kept as JSON with the report: the figures it was made from, and what had changed
// since the report before it. Pages and documents are drawn from this alone, so a kept report reads as it was made.
internal sealed record ReportContent(
    DateTimeOffset MadeAt,
    string MadeBy,
    IReadOnlyList<ReportMinistry> Ministries,
    IReadOnlyList<ReportWorkstream> Workstreams,
    IReadOnlyList<ReportInitiative> Initiatives,
    ReportRound? Round,
    IReadOnlyList<ReportDeadline> Deadlines,
    ReportOverlaps Overlaps,
    ReportChanges Changes)
{
    public int Total => Ministries.Sum(m => m.Total);

    // Red and yellow initiatives still running: finished or stopped ones need nothing from the meeting.
    public IEnumerable<ReportInitiative> Flagged => Initiatives
        .Where(i => i.Status != Rag.Green && i.Running)
        .OrderBy(i => i.Status == Rag.Red ? 0 : 1).ThenBy(i => i.MinistryCode, StringComparer.Ordinal).ThenBy(i => i.Title, StringComparer.Ordinal);
}

// Three-language text kept in the report (a name, a deadline's title): the language is chosen when it is read.
internal sealed record ReportText(string Nb, string? En, string? Nn = null)
{
    public static ReportText Of(LocalizedText text) => new(text.Nb, text.En, text.Nn ?? Nynorsk.Of(text.Nb));

    public override string ToString() => Localized.Name(Nb, En, Nn);
}

// One owning ministry: its initiatives by status, by phase (in the order of Phase), and how many have a status not
// confirmed for the dashboard's 60 days.
internal sealed record ReportMinistry(Guid Id, string Code, ReportText Name, int Green, int Amber, int Red, IReadOnlyList<int> Phases, int Stale)
{
    public int Total => Green + Amber + Red;
}

// One workstream (Id null: initiatives in no workstream): the initiatives contributing to it, by status.
internal sealed record ReportWorkstream(Guid? Id, int? Chapter, ReportText Title, int Green, int Amber, int Red)
{
    public int Total => Green + Amber + Red;
}

internal sealed record ReportInitiative(Guid Id, string Title, string MinistryCode, Phase Phase, Rag Status, int Progress, string? StatusReason)
{
    public bool Running => Phase is not (Phase.Completed or Phase.Stopped);
}

// The latest reporting round and, while it is open, the ministries that have not started on it.
internal sealed record ReportRound(Guid Id, string Title, DateTimeOffset Deadline, bool Open, int Submitted, int Ministries, IReadOnlyList<ReportSilentMinistry> Silent);

internal sealed record ReportSilentMinistry(string Code, ReportText Name, int ToConfirm);

// Kind: what sort of deadline it is (a reporting round, an action item), as its module names it.
internal sealed record ReportDeadline(ReportText Title, ReportText? Kind, DateTimeOffset DueAt, string Link);

// Available false only in reports kept from before overlap detection existed: the report says so instead of "none".
internal sealed record ReportOverlaps(bool Available, IReadOnlyList<ReportOverlap> Items);

internal sealed record ReportOverlap(string FirstTitle, string FirstMinistry, string SecondTitle, string SecondMinistry, double Score, IReadOnlyList<ReportText> Reasons);
