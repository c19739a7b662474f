using Samordning.Ministries.Contracts;
using Samordning.Shared.Overview;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;
using Samordning.Workstreams.Rounds;

namespace Samordning.Workstreams.Overview;

// The module's part of the front page: a contact person's open reporting rounds and their ministry's initiatives
// not yet confirmed in them; for the KMD team the ministries silent in the open round and initiatives changed
// since the last visit. Nothing for the public: initiatives are for registered people.
internal sealed class WorkstreamsOverview(WorkstreamsDbContext db, IMinistryDirectory directory) : IOverviewSource
{
    private const int Shown = 8;

    public Task<IReadOnlyList<string>> GetLiveTopicsAsync(OverviewContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(context.PersonId is null ? [] : [InitiativeLive.DashboardTopic]);

    public async Task<IReadOnlyList<OverviewSection>> GetSectionsAsync(OverviewContext context, CancellationToken cancellationToken)
    {
        if (context.PersonId is null)
        {
            return [];
        }

        var sections = new List<OverviewSection>();
        var rounds = await db.ReportingRounds.AsNoTracking().Where(r => r.ClosedAt == null).OrderBy(r => r.Deadline).ToListAsync(cancellationToken);
        if (context.User.IsInRole(Roles.ContactPerson) && context.User.MinistryId() is { } ministry)
        {
            sections.Add(await MyRoundsAsync(context, rounds, ministry, cancellationToken));
        }

        if (context.User.IsInRole(Roles.Coordinator))
        {
            sections.Add(await SilentAsync(context, rounds, cancellationToken));
            sections.Add(await ChangedAsync(context, cancellationToken));
        }

        return sections;
    }

    // Bounded at any volume: the running count from the dashboard's kept cells, the confirmed ones counted on the
    // confirmations' (RoundId, MinistryId, CountsAsRunning) index alone, and only the first few unconfirmed titles
    // read, so a ministry with tens of thousands of initiatives costs the same few small queries as one with ten.
    private async Task<OverviewSection> MyRoundsAsync(OverviewContext context, List<ReportingRound> rounds, Guid ministry, CancellationToken cancellationToken)
    {
        var ids = rounds.Select(r => r.Id).ToList();
        var submitted = await db.RoundSubmissions.AsNoTracking()
            .Where(s => ids.Contains(s.RoundId) && s.MinistryId == ministry).Select(s => s.RoundId).ToListAsync(cancellationToken);
        var toAnswer = rounds.Where(r => !submitted.Contains(r.Id)).ToList();
        var running = toAnswer.Count == 0 ? 0 : await RunningAsync(ministry, cancellationToken);
        var items = new List<OverviewItem>();
        foreach (var round in toAnswer)
        {
            var open = running - await ConfirmedRunningAsync(round.Id, ministry, cancellationToken);
            var first = await Unconfirmed(round.Id, ministry)
                .OrderBy(i => i.Title).ThenBy(i => i.Id).Take(Shown)
                .Select(i => new { i.Id, i.Title }).ToListAsync(cancellationToken);
            var href = $"/arbeidsstrommer/runder/{round.Id}";
            var days = context.DaysLeftText(round.Deadline);
            items.Add(new OverviewItem(
                new(round.Title, round.Title),
                href,
                new($"{days} · {open} av {running} tiltak ikke bekreftet", $"{days.En} · {open} of {running} initiatives not confirmed"),
                round.Deadline,
                Emphasis: context.DaysLeft(round.Deadline) <= 2));
            items.AddRange(first.Select(i => new OverviewItem(
                new(i.Title, i.Title),
                $"/arbeidsstrommer/tiltak/{i.Id}",
                new($"Ikke bekreftet i «{round.Title}»", $"Not confirmed in “{round.Title}”"),
                Action: new(href, new("Bekreft i runden", "Confirm in the round")))));
        }

        return new OverviewSection(
            OverviewSections.Rounds,
            10,
            new("Rapporteringsrunder", "Reporting rounds"),
            items,
            new("Departementet ditt har ingen åpne rapporteringsrunder å svare på.", "Your ministry has no open reporting rounds to answer."),
            More: new("/arbeidsstrommer/runder", new("Alle rapporteringsrunder", "All reporting rounds")));
    }

    // The ministry's running initiatives, from the kept totals (each initiative once, in the all-workstreams cells).
    private async Task<int> RunningAsync(Guid ministry, CancellationToken cancellationToken) =>
        await db.DashboardCells.AsNoTracking()
            .Where(c => c.MinistryId == ministry && c.WorkstreamId == DashboardCell.AllWorkstreams && c.Phase != Phase.Completed && c.Phase != Phase.Stopped)
            .SumAsync(c => c.Count, cancellationToken);

    // Confirmations the ministry gave in the round for initiatives it still owns and still runs: a confirmed
    // initiative completed or handed over since no longer counts, as it no longer counts among the running. Kept on
    // the confirmation (RunningConfirmations), so this counts one index range and looks up no initiative.
    private async Task<int> ConfirmedRunningAsync(Guid round, Guid ministry, CancellationToken cancellationToken) =>
        await db.RoundConfirmations.AsNoTracking()
            .Where(c => c.RoundId == round && c.MinistryId == ministry && c.CountsAsRunning)
            .CountAsync(cancellationToken);

    // The ministry's running initiatives without its confirmation in the round.
    private IQueryable<Initiative> Unconfirmed(Guid round, Guid ministry) =>
        RoundProgress.ToConfirm(db.Initiatives.AsNoTracking())
            .Where(i => i.OwningMinistryId == ministry && !db.RoundConfirmations.Any(c => c.RoundId == round && c.InitiativeId == i.Id && c.MinistryId == ministry));

    private async Task<OverviewSection> SilentAsync(OverviewContext context, List<ReportingRound> rounds, CancellationToken cancellationToken)
    {
        var items = new List<OverviewItem>();
        foreach (var round in rounds)
        {
            var progress = await RoundProgress.ForRoundAsync(db, directory, round, cancellationToken);
            var days = context.DaysLeftText(round.Deadline);
            items.AddRange(progress.Ministries.Where(m => m.State == RoundState.NotStarted).Select(m => new OverviewItem(
                new(m.Code, m.Code),
                $"/arbeidsstrommer/runder/{round.Id}?departement={m.MinistryId}#ubekreftede",
                new($"Har ikke svart på «{round.Title}» · {days}", $"Has not answered “{round.Title}” · {days.En}"),
                round.Deadline)));
        }

        return new OverviewSection(
            OverviewSections.Silent,
            5,
            new("Ikke svart i åpen runde", "Silent in the open round"),
            items,
            rounds.Count == 0
                ? new("Ingen rapporteringsrunde er åpen.", "No reporting round is open.")
                : new("Alle departementer har begynt å svare.", "Every ministry has started answering."),
            More: new("/arbeidsstrommer/runder", new("Alle rapporteringsrunder", "All reporting rounds")));
    }

    private async Task<OverviewSection> ChangedAsync(OverviewContext context, CancellationToken cancellationToken)
    {
        List<OverviewItem> items = [];
        if (context.ChangesSince is { } since)
        {
            var changed = await db.Initiatives.AsNoTracking()
                .Where(i => i.UpdatedAt > since)
                .OrderByDescending(i => i.UpdatedAt).Take(Shown)
                .Select(i => new { i.Id, i.Title, i.OwningMinistryCode, i.UpdatedAt })
                .ToListAsync(cancellationToken);
            items.AddRange(changed.Select(i => new OverviewItem(
                new(i.Title, i.Title),
                $"/arbeidsstrommer/tiltak/{i.Id}",
                new($"Tiltak ({i.OwningMinistryCode}) endret", $"Initiative ({i.OwningMinistryCode}) changed"),
                i.UpdatedAt)));
            var answered = await db.RoundSubmissions.AsNoTracking()
                .Where(s => s.SubmittedAt > since)
                .OrderByDescending(s => s.SubmittedAt).Take(Shown)
                .Select(s => new { s.RoundId, s.MinistryCode, s.SubmittedAt })
                .ToListAsync(cancellationToken);
            items.AddRange(answered.Select(s => new OverviewItem(
                new($"{s.MinistryCode} sendte inn i rapporteringsrunden", $"{s.MinistryCode} submitted in the reporting round"),
                $"/arbeidsstrommer/runder/{s.RoundId}",
                When: s.SubmittedAt)));
        }

        return OverviewSections.ChangedSince(context, items);
    }
}
