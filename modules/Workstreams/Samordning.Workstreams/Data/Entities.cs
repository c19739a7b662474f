using Samordning.Shared.Search;

namespace Samordning.Workstreams.Data;

internal enum WorkstreamStatus
{
    Planned,
    Active,
    Paused,
    Completed,
}

internal sealed class Workstream : IVersioned, IAudited, ISearchIndexed
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public int? Chapter { get; set; }
    public required string TitleNb { get; set; }
    public string? TitleEn { get; set; }

    // The Nynorsk title where it differs from the Bokmål one; null when the same.
    public string? TitleNn { get; set; }
    public string? Description { get; set; }

    // Cross-module reference: the owner's registry id and name as it was when chosen.
    public Guid? OwnerPersonId { get; set; }
    public string? OwnerName { get; set; }
    public WorkstreamStatus Status { get; set; } = WorkstreamStatus.Planned;
    public DateOnly? TargetDate { get; set; }
    public long Version { get; set; }

    public string SearchIndex { get; set; } = "";

    public SearchDocument SearchDocument() => new(TitleNb, [TitleNn, TitleEn, Description, Chapter?.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
}

internal enum Phase
{
    Idea,
    Planned,
    InProgress,
    Scaling,
    Completed,
    Stopped,
}

internal enum Rag
{
    Green,
    Amber,
    Red,
}

internal sealed class Initiative : IVersioned, IAudited, ISearchIndexed
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public Guid OwningMinistryId { get; set; }
    public required string OwningMinistryCode { get; set; }
    public Phase Phase { get; set; } = Phase.Idea;
    public int Progress { get; set; }
    public Rag Status { get; set; } = Rag.Green;
    public string? StatusReason { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public Guid? ContactPersonId { get; set; }
    public string? ContactPersonName { get; set; }
    public string? ExpectedResults { get; set; }
    public string? AchievedResults { get; set; }

    // The owning ministry's own reference (a case number, a row in their own list), unique within the ministry
    // when given: a re-import of the ministry's list finds the initiative by it and updates instead of duplicating.
    public string? Reference { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    // When the status (phase, progress, RAG, reason) was last changed or confirmed unchanged, in a round or not:
    // how fresh the status is, which lists and the dashboard sort and filter by.
    public DateTimeOffset StatusConfirmedAt { get; set; }
    public long Version { get; set; }

    // Lower-cased title, summary, results and tags, for search that folds Norwegian letters too.
    public string SearchText { get; set; } = "";

    public string SearchIndex { get; set; } = "";

    // Own columns only (ISearchIndexed): a progress update saves the initiative without its tags loaded.
    public SearchDocument SearchDocument() => new(Title, [Summary, ExpectedResults, AchievedResults, OwningMinistryCode, ContactPersonName]);

    public List<InitiativeMinistry> CollaboratingMinistries { get; init; } = [];
    public List<InitiativeAgency> Agencies { get; init; } = [];
    public List<InitiativeWorkstream> Workstreams { get; init; } = [];
    public List<InitiativeTag> Tags { get; init; } = [];
    public List<InitiativeLink> Links { get; init; } = [];
}

internal sealed class InitiativeMinistry
{
    public Guid InitiativeId { get; set; }
    public Guid MinistryId { get; set; }
    public required string MinistryCode { get; set; }
}

// One row per initiative and ministry that has it on its list (the owner and every collaborator), with the
// initiative's phase and last change copied: "ministry M's initiatives in phase P, newest change first" and its count
// are then one range of one index (ListInitiatives), where the owner-or-collaborator OR had to read every initiative.
// Kept by every save of the module (WorkstreamsDbContext's saves, as ListingChanges says); its one truth is the initiative.
internal sealed class MinistryInitiative
{
    public Guid MinistryId { get; set; }
    public Guid InitiativeId { get; set; }
    public Phase Phase { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class InitiativeAgency
{
    public Guid InitiativeId { get; set; }
    public Guid AgencyId { get; set; }
    public required string Name { get; set; }
}

internal sealed class InitiativeWorkstream
{
    public Guid InitiativeId { get; set; }
    public Guid WorkstreamId { get; set; }
}

internal sealed class InitiativeTag
{
    public Guid InitiativeId { get; set; }
    public required string Tag { get; set; }
}

internal sealed class InitiativeLink
{
    public long Id { get; set; }
    public Guid InitiativeId { get; set; }
    public required string Url { get; set; }
    public string? Title { get; set; }
}

// One dated update of an initiative, so its history can be read and charted.
internal sealed class ProgressEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InitiativeId { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? PersonId { get; set; }
    public required string PersonName { get; set; }
    public Guid? MinistryId { get; set; }
    public Phase Phase { get; set; }
    public int Progress { get; set; }
    public Rag Status { get; set; }
    public string? StatusReason { get; set; }
    public string? Note { get; set; }
}

// Aggregates kept up to date on every change, so the dashboard reads counts instead of scanning initiatives.
// One row per owning ministry × workstream × phase × status, where the workstream is a real one, Guid.Empty
// (none) or AllWorkstreams (each initiative once, whatever its workstreams: the totals).
internal sealed class DashboardCell
{
    public static readonly Guid AllWorkstreams = new("ffffffff-ffff-ffff-ffff-ffffffffffff");

    public long Id { get; set; }
    public Guid MinistryId { get; set; }
    public required string MinistryCode { get; set; }
    public Guid WorkstreamId { get; set; }
    public Phase Phase { get; set; }
    public Rag Status { get; set; }
    public int Count { get; set; }

    // The counts' version (DashboardVersion.CountsId) of the change that last moved this cell, so a node reads only
    // the cells changed since the counts it keeps (DashboardSnapshot).
    public long CountsVersion { get; set; }
}

// Two rows, each a number moved in the same transaction as the change it stands for, so a node knows from one tiny
// read whether what it keeps in memory is still current (DashboardSnapshot). SingleId moves with every save in the
// module (anything on the dashboard: initiatives, workstreams, rounds and their answers); CountsId only when the kept
// counts or the phase history change (DashboardAggregates), which most saves (a confirmation, a progress note, an
// update that keeps phase and status) do not, so the counts are not read again for them.
internal sealed class DashboardVersion
{
    public const int SingleId = 1;
    public const int CountsId = 2;

    public int Id { get; set; } = SingleId;
    public long Version { get; set; }
}

// How many initiatives were in each phase at the end of a day (Europe/Oslo), for "progress over time".
internal sealed class PhaseSnapshot
{
    public DateOnly Day { get; set; }
    public Phase Phase { get; set; }
    public int Count { get; set; }

    // As DashboardCell.CountsVersion: the counts' version of the change that last wrote this day's row.
    public long CountsVersion { get; set; }
}

internal sealed class ReportingRound : IVersioned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Title { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset Deadline { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public required string OpenedBy { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public long Version { get; set; }
}

// A contact person confirmed (or updated) one initiative in a round.
internal sealed class RoundConfirmation
{
    public Guid RoundId { get; set; }
    public Guid InitiativeId { get; set; }
    public Guid MinistryId { get; set; }
    public DateTimeOffset ConfirmedAt { get; set; }
    public Guid? PersonId { get; set; }
    public required string PersonName { get; set; }

    // The confirmed initiative still runs and the confirming ministry still owns it: the confirmations a ministry's
    // overview counts against its running initiatives. Kept by every change of phase or owner (RunningConfirmations.FollowAsync),
    // so the count is a range of one index instead of a look-up of every confirmed initiative.
    public bool CountsAsRunning { get; set; }
}

// A ministry submitted its answer to a round.
internal sealed class RoundSubmission
{
    public Guid RoundId { get; set; }
    public Guid MinistryId { get; set; }
    public required string MinistryCode { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public Guid? PersonId { get; set; }
    public required string PersonName { get; set; }
}
