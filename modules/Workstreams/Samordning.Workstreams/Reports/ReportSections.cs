using System.Globalization;
using Samordning.Shared.Text;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;
using Samordning.Workstreams.Pages.Arbeidsstrommer;

namespace Samordning.Workstreams.Reports;

// A report's sections in the current language, as both the printable page and the Word document show them: one
// model, so the two never say different things. Every chart has a table with the same figures.
internal sealed record ReportSection(string Id, string Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<ReportTable> Tables, ReportChart? Chart = null, int Level = 1);

// The first column of each row names the row.
internal sealed record ReportTable(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, string? Empty = null);

// A stacked bar per category; Description is the chart's text alternative.
internal sealed record ReportChart(string Title, string Description, IReadOnlyList<string> Categories, IReadOnlyList<ReportSeries> Series);

internal sealed record ReportSeries(string Name, string Color, IReadOnlyList<int> Values);

internal static class ReportSections
{
    public static string Title => Localized.T("Statusrapport", "Status report");

    public static string Byline(ReportContent content) =>
        Localized.T($"Laget {PageTexts.DateTime(content.MadeAt)} av {content.MadeBy}.", $"Made {PageTexts.DateTime(content.MadeAt)} by {content.MadeBy}.");

    public static IReadOnlyList<ReportSection> Of(ReportContent content) =>
    [
        Ministries(content),
        Workstreams(content),
        .. Changes(content.Changes),
        Flagged(content),
        Silent(content.Round),
        Overlaps(content.Overlaps),
        Deadlines(content.Deadlines),
    ];

    private static string N(int n) => n.ToString(Localized.Culture);

    private static string Signed(int n) => n > 0 ? "+" + N(n) : N(n);

    private static string Status(Rag status) => PageTexts.StatusShort(status);

    private static IReadOnlyList<string> StatusHeaders(string first) => [first, Status(Rag.Green), Status(Rag.Amber), Status(Rag.Red), Localized.T("Sum", "Total")];

    private static ReportChart StatusChart(string title, IReadOnlyList<(string Label, int Green, int Amber, int Red)> rows) => new(
        title,
        string.Join("; ", rows.Select(r => Localized.T($"{r.Label}: grønn {r.Green}, gul {r.Amber}, rød {r.Red}", $"{r.Label}: green {r.Green}, amber {r.Amber}, red {r.Red}"))),
        [.. rows.Select(r => r.Label)],
        [
            new(Status(Rag.Green), "2E7D32", [.. rows.Select(r => r.Green)]),
            new(Status(Rag.Amber), "F2B705", [.. rows.Select(r => r.Amber)]),
            new(Status(Rag.Red), "C62828", [.. rows.Select(r => r.Red)]),
        ]);

    private static ReportSection Ministries(ReportContent content)
    {
        var heading = Localized.T("Tall per departement", "Figures per ministry");
        var table = new ReportTable(
            Localized.T($"Tiltak per eierdepartement etter status, og hvor mange som ikke har fått status bekreftet på {StaleDays} dager", $"Initiatives per owning ministry by status, and how many have not had their status confirmed for {StaleDays} days"),
            [.. StatusHeaders(Localized.T("Departement", "Ministry")), Localized.T($"Ikke bekreftet på {StaleDays} dager", $"Not confirmed for {StaleDays} days")],
            [.. content.Ministries.Select(m => (IReadOnlyList<string>)[$"{m.Code} – {m.Name}", N(m.Green), N(m.Amber), N(m.Red), N(m.Total), N(m.Stale)])]);
        return new ReportSection(
            "ministries", heading,
            [Localized.T($"{content.Total} tiltak i alt.", $"{content.Total} initiatives in all.")],
            [table],
            StatusChart(Localized.T("Tiltak per departement etter status", "Initiatives per ministry by status"), [.. content.Ministries.Select(m => (m.Code, m.Green, m.Amber, m.Red))]));
    }

    private const int StaleDays = Dashboard.StaleStatus.Days;

    private static ReportSection Workstreams(ReportContent content)
    {
        string Name(ReportWorkstream w) => PageTexts.WorkstreamTitle(w.Title.Nb, w.Title.En, w.Chapter, w.Title.Nn);
        var table = new ReportTable(
            Localized.T("Tiltak per arbeidsstrøm etter status; et tiltak i flere arbeidsstrømmer står i hver av dem", "Initiatives per workstream by status; an initiative in several workstreams stands in each of them"),
            StatusHeaders(Localized.T("Arbeidsstrøm", "Workstream")),
            [.. content.Workstreams.Select(w => (IReadOnlyList<string>)[Name(w), N(w.Green), N(w.Amber), N(w.Red), N(w.Total)])],
            Localized.T("Ingen arbeidsstrømmer ennå.", "No workstreams yet."));
        return new ReportSection(
            "workstreams", Localized.T("Tall per arbeidsstrøm", "Figures per workstream"), [], [table],
            content.Workstreams.Count == 0 ? null : StatusChart(Localized.T("Tiltak per arbeidsstrøm etter status", "Initiatives per workstream by status"), [.. content.Workstreams.Select(w => (Name(w), w.Green, w.Amber, w.Red))]));
    }

    private static IReadOnlyList<string> InitiativeRow(ReportInitiative i) => [i.Title, i.MinistryCode, Status(i.Status), InitiativeTexts.PhaseName(i.Phase), N(i.Progress) + " %"];

    private static ReportTable Initiatives(string caption, IEnumerable<ReportInitiative> initiatives) => new(
        caption,
        [Localized.T("Tiltak", "Initiative"), Localized.T("Departement", "Ministry"), Localized.T("Status", "Status"), Localized.T("Fase", "Phase"), Localized.T("Fremdrift", "Progress")],
        [.. initiatives.Select(InitiativeRow)],
        Localized.T("Ingen.", "None."));

    private static IEnumerable<ReportSection> Changes(ReportChanges changes)
    {
        var heading = Localized.T("Endringer siden forrige rapport", "Changes since the last report");
        if (changes.Since is not { } since)
        {
            yield return new ReportSection("changes", heading, [Localized.T("Dette er den første rapporten, så det er ingenting å sammenligne med.", "This is the first report, so there is nothing to compare with.")], []);
            yield break;
        }

        yield return new ReportSection(
            "changes", heading,
            [changes.Any
                ? Localized.T($"Sammenlignet med rapporten laget {PageTexts.DateTime(since)}.", $"Compared with the report made {PageTexts.DateTime(since)}.")
                : Localized.T($"Ingen endringer siden rapporten laget {PageTexts.DateTime(since)}.", $"No changes since the report made {PageTexts.DateTime(since)}.")],
            [new ReportTable(
                Localized.T("Endring per eierdepartement: antall tiltak før og nå, endring i hver status, og nye eller endrede tiltak", "Change per owning ministry: initiatives before and now, the change in each status, and new or changed initiatives"),
                [Localized.T("Departement", "Ministry"), Localized.T("Før", "Before"), Localized.T("Nå", "Now"), Status(Rag.Green), Status(Rag.Amber), Status(Rag.Red), Localized.T("Nye eller endrede", "New or changed")],
                [.. changes.PerMinistry.Select(m => (IReadOnlyList<string>)[m.Code, N(m.TotalBefore), N(m.TotalAfter), Signed(m.Green), Signed(m.Amber), Signed(m.Red), N(m.Changes)])],
                Localized.T("Ingen departementer har endringer.", "No ministry has changes."))]);
        yield return new ReportSection("changes-flagged", Localized.T("Nye røde og gule", "Newly red or yellow"), [], [Initiatives(Localized.T("Tiltak som er blitt røde eller gule", "Initiatives that have become red or yellow"), changes.NewFlagged)], Level: 2);
        yield return new ReportSection("changes-resolved", Localized.T("Ikke lenger røde eller gule", "No longer red or yellow"), [], [Initiatives(Localized.T("Tiltak som var røde eller gule, med status nå", "Initiatives that were red or yellow, with their status now"), changes.Resolved)], Level: 2);
        yield return new ReportSection(
            "changes-changed", Localized.T("Endret status, fase eller fremdrift", "Changed status, phase or progress"), [],
            [new ReportTable(
                Localized.T("Tiltak med endret status, fase eller fremdrift: før og nå", "Initiatives with a changed status, phase or progress: before and now"),
                [Localized.T("Tiltak", "Initiative"), Localized.T("Departement", "Ministry"), Localized.T("Status", "Status"), Localized.T("Fase", "Phase"), Localized.T("Fremdrift", "Progress")],
                [.. changes.Changed.Select(c => (IReadOnlyList<string>)[
                    c.After.Title, c.After.MinistryCode,
                    Change(Status(c.Before.Status), Status(c.After.Status)),
                    Change(InitiativeTexts.PhaseName(c.Before.Phase), InitiativeTexts.PhaseName(c.After.Phase)),
                    Change(N(c.Before.Progress) + " %", N(c.After.Progress) + " %")])],
                Localized.T("Ingen.", "None."))],
            Level: 2);
        yield return new ReportSection("changes-new", Localized.T("Nye tiltak", "New initiatives"), [], [Initiatives(Localized.T("Tiltak registrert siden forrige rapport", "Initiatives registered since the last report"), changes.New)], Level: 2);
    }

    private static string Change(string before, string after) => before == after ? after : $"{before} → {after}";

    private static ReportSection Flagged(ReportContent content) => new(
        "flagged", Localized.T("Røde og gule tiltak", "Red and yellow initiatives"), [],
        [new ReportTable(
            Localized.T("Pågående tiltak med rød eller gul status, og begrunnelsen", "Running initiatives with a red or yellow status, and the reason"),
            [Localized.T("Tiltak", "Initiative"), Localized.T("Departement", "Ministry"), Localized.T("Status", "Status"), Localized.T("Fremdrift", "Progress"), Localized.T("Begrunnelse", "Reason")],
            [.. content.Flagged.Select(i => (IReadOnlyList<string>)[i.Title, i.MinistryCode, Status(i.Status), N(i.Progress) + " %", i.StatusReason ?? Localized.T("Ingen begrunnelse gitt", "No reason given")])],
            Localized.T("Ingen pågående tiltak er røde eller gule.", "No running initiative is red or yellow."))]);

    private static ReportSection Silent(ReportRound? round)
    {
        var heading = Localized.T("Stille departementer", "Silent ministries");
        if (round is null)
        {
            return new ReportSection("silent", heading, [Localized.T("Ingen rapporteringsrunder ennå.", "No reporting rounds yet.")], []);
        }

        if (!round.Open)
        {
            return new ReportSection("silent", heading, [Localized.T($"Ingen åpen rapporteringsrunde. Den siste, «{round.Title}», er lukket.", $"No reporting round is open. The latest, “{round.Title}”, is closed.")], []);
        }

        return new ReportSection(
            "silent", heading,
            [Localized.T($"Rapporteringsrunden «{round.Title}» har frist {PageTexts.DateTime(round.Deadline)}. {round.Submitted} av {round.Ministries} departementer har sendt inn.",
                $"The reporting round “{round.Title}” is due {PageTexts.DateTime(round.Deadline)}. {round.Submitted} of {round.Ministries} ministries have submitted.")],
            [new ReportTable(
                Localized.T("Departementer som ikke har begynt på runden", "Ministries that have not started on the round"),
                [Localized.T("Departement", "Ministry"), Localized.T("Tiltak å bekrefte", "Initiatives to confirm")],
                [.. round.Silent.Select(s => (IReadOnlyList<string>)[$"{s.Code} – {s.Name}", N(s.ToConfirm)])],
                Localized.T("Alle departementer har begynt på runden.", "Every ministry has started on the round."))]);
    }

    private static ReportSection Overlaps(ReportOverlaps overlaps)
    {
        var heading = Localized.T("Mulige overlapp", "Possible overlaps");
        if (!overlaps.Available)
        {
            return new ReportSection("overlaps", heading, [Localized.T("Overlappsøk er ikke tilgjengelig i denne installasjonen.", "Overlap detection is not available in this installation.")], []);
        }

        return new ReportSection(
            "overlaps", heading, [],
            [new ReportTable(
                Localized.T("Tiltak i ulike departementer som kan overlappe, og som ikke er vurdert ennå; sterkest først", "Initiatives of different ministries that may overlap and have not been assessed yet; strongest first"),
                [Localized.T("Tiltak", "Initiative"), Localized.T("Kan overlappe med", "May overlap with"), Localized.T("Hvorfor", "Why")],
                [.. overlaps.Items.Select(o => (IReadOnlyList<string>)[$"{o.FirstTitle} ({o.FirstMinistry})", $"{o.SecondTitle} ({o.SecondMinistry})", string.Join("; ", o.Reasons.Select(r => r.ToString()))])],
                Localized.T("Ingen åpne overlapp.", "No open overlaps."))]);
    }

    private static ReportSection Deadlines(IReadOnlyList<ReportDeadline> deadlines) => new(
        "deadlines", Localized.T("Kommende frister", "Upcoming deadlines"), [],
        [new ReportTable(
            Localized.T($"Frister de neste {ReportFigures.DeadlineDays} dagene", $"Deadlines in the next {ReportFigures.DeadlineDays} days"),
            [Localized.T("Frist", "Deadline"), Localized.T("Hva", "What"), Localized.T("Slags frist", "Kind")],
            [.. deadlines.Select(d => (IReadOnlyList<string>)[PageTexts.DateTime(d.DueAt), d.Title.ToString(), d.Kind?.ToString() ?? ""])],
            Localized.T("Ingen frister de neste dagene.", "No deadlines in the coming days."))]);

    public static string Invariant(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
