using System.Globalization;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer.Tiltak;

// What the initiative form posts. Tags are typed comma-separated; links one per line as "address title".
internal sealed class InitiativeForm
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public Guid? OwningMinistryId { get; set; }
    public List<Guid> CollaboratingMinistryIds { get; set; } = [];
    public List<Guid> AgencyIds { get; set; } = [];
    public List<Guid> WorkstreamIds { get; set; } = [];
    public Phase Phase { get; set; } = Phase.Idea;
    public int Progress { get; set; }
    public Rag Status { get; set; } = Rag.Green;
    public string? StatusReason { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public Guid? ContactPersonId { get; set; }
    public string? Tags { get; set; }
    public string? Links { get; set; }
    public string? ExpectedResults { get; set; }
    public string? AchievedResults { get; set; }
    public string? Note { get; set; }
    public long? Version { get; set; }
    public string? Reference { get; set; }

    public InitiativeRequest ToRequest() => new(
        Title, Summary, OwningMinistryId, AgencyIds, CollaboratingMinistryIds, WorkstreamIds, Phase, Progress, Status, StatusReason,
        StartDate, EndDate, ContactPersonId,
        [.. (Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        [.. (Links ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseLink)],
        ExpectedResults, AchievedResults, Note, Version, Reference);

    public static InitiativeForm From(InitiativeDetails i) => new()
    {
        Title = i.Title,
        Summary = i.Summary,
        OwningMinistryId = i.OwningMinistryId,
        CollaboratingMinistryIds = [.. i.CollaboratingMinistries.Select(m => m.Id)],
        AgencyIds = [.. i.Agencies.Select(a => a.Id)],
        WorkstreamIds = [.. i.WorkstreamIds],
        Phase = i.Phase,
        Progress = i.Progress,
        Status = i.Status,
        StatusReason = i.StatusReason,
        StartDate = i.StartDate,
        EndDate = i.EndDate,
        ContactPersonId = i.ContactPersonId,
        Tags = string.Join(", ", i.Tags),
        Links = string.Join("\n", i.Links.Select(l => string.IsNullOrEmpty(l.Title) ? l.Url : $"{l.Url} {l.Title}")),
        ExpectedResults = i.ExpectedResults,
        AchievedResults = i.AchievedResults,
        Version = i.Version,
        Reference = i.Reference,
    };

    private static LinkRequest ParseLink(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? new LinkRequest(line, null) : new LinkRequest(line[..space], line[(space + 1)..].Trim());
    }

    public static string DateValue(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
