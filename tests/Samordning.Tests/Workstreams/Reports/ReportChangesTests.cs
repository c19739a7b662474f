using Samordning.Workstreams.Data;
using Samordning.Workstreams.Reports;

namespace Samordning.Tests.Workstreams.Reports;

public sealed class ReportChangesTests
{
    private static readonly Guid Fin = Guid.NewGuid();
    private static readonly Guid Kd = Guid.NewGuid();
    private static readonly DateTimeOffset Earlier = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static ReportInitiative Initiative(string title, string ministry, Rag status, Phase phase = Phase.InProgress, int progress = 20) =>
        new(Guid.NewGuid(), title, ministry, phase, status, progress, status == Rag.Green ? null : "Grunn");

    private static ReportMinistry Ministry(Guid id, string code, IEnumerable<ReportInitiative> initiatives)
    {
        var own = initiatives.Where(i => i.MinistryCode == code).ToList();
        return new(id, code, new ReportText(code, code), own.Count(i => i.Status == Rag.Green), own.Count(i => i.Status == Rag.Amber), own.Count(i => i.Status == Rag.Red), [], 0);
    }

    private static ReportContent Report(IReadOnlyList<ReportInitiative> initiatives) => new(
        Earlier, "Kari", [Ministry(Fin, "FIN", initiatives), Ministry(Kd, "KD", initiatives)], [], initiatives, null, [], new ReportOverlaps(false, []), ReportChanges.First);

    [Fact]
    public void Between_NoPreviousReport_FirstWithNothingToCompare()
    {
        var changes = ReportChanges.Between(null, [], [Initiative("A", "FIN", Rag.Red)]);

        Assert.Null(changes.Since);
        Assert.False(changes.Any);
    }

    [Fact]
    public void Between_StatusesMoved_NewFlaggedResolvedChangedAndNewListed()
    {
        var turnsRed = Initiative("Blir rød", "FIN", Rag.Green);
        var resolved = Initiative("Blir grønn", "FIN", Rag.Amber);
        var finished = Initiative("Fullføres", "KD", Rag.Red);
        var untouched = Initiative("Uendret", "KD", Rag.Amber);
        var previous = Report([turnsRed, resolved, finished, untouched]);
        var added = Initiative("Ny", "KD", Rag.Amber);
        var now = new List<ReportInitiative>
        {
            turnsRed with { Status = Rag.Red },
            resolved with { Status = Rag.Green, Progress = 60 },
            finished with { Phase = Phase.Completed, Progress = 100 },
            untouched,
            added,
        };

        var changes = ReportChanges.Between(previous, [Ministry(Fin, "FIN", now), Ministry(Kd, "KD", now)], now);

        Assert.Equal(Earlier, changes.Since);
        Assert.Equal(["Blir rød", "Ny"], changes.NewFlagged.Select(i => i.Title));
        Assert.Equal(["Blir grønn", "Fullføres"], changes.Resolved.Select(i => i.Title));
        Assert.Equal(Phase.Completed, changes.Resolved.Single(i => i.Title == "Fullføres").Phase);
        Assert.Equal(["Blir rød", "Blir grønn", "Fullføres"], changes.Changed.Select(c => c.After.Title));
        Assert.Equal("Ny", Assert.Single(changes.New).Title);
        var fin = changes.PerMinistry.Single(m => m.Code == "FIN");
        Assert.Equal((2, 2, 0, -1, 1, 2), (fin.TotalBefore, fin.TotalAfter, fin.Green, fin.Amber, fin.Red, fin.Changes));
        var kd = changes.PerMinistry.Single(m => m.Code == "KD");
        Assert.Equal((2, 3, 0, 1, 0, 2), (kd.TotalBefore, kd.TotalAfter, kd.Green, kd.Amber, kd.Red, kd.Changes));
    }

    [Fact]
    public void Between_NothingMoved_NoChangesListed()
    {
        var initiatives = new[] { Initiative("A", "FIN", Rag.Red), Initiative("B", "KD", Rag.Green) };
        var previous = Report(initiatives);

        var changes = ReportChanges.Between(previous, previous.Ministries, initiatives);

        Assert.Equal(Earlier, changes.Since);
        Assert.False(changes.Any);
    }
}
