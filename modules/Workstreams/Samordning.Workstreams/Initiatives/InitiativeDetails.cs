using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Initiatives;

internal sealed record MinistryRef(Guid Id, string Code);

internal sealed record AgencyRef(Guid Id, string Name);

internal sealed record InitiativeDetails(
    Guid Id,
    string Title,
    string? Summary,
    Guid OwningMinistryId,
    string OwningMinistryCode,
    IReadOnlyList<MinistryRef> CollaboratingMinistries,
    IReadOnlyList<AgencyRef> Agencies,
    IReadOnlyList<Guid> WorkstreamIds,
    Phase Phase,
    int Progress,
    Rag Status,
    string? StatusReason,
    DateOnly? StartDate,
    DateOnly? EndDate,
    Guid? ContactPersonId,
    string? ContactPersonName,
    IReadOnlyList<string> Tags,
    IReadOnlyList<LinkRequest> Links,
    string? ExpectedResults,
    string? AchievedResults,
    DateTimeOffset UpdatedAt,
    DateTimeOffset StatusConfirmedAt,
    long Version,
    string? Reference = null)
{
    public bool IsCrossSectoral => CollaboratingMinistries.Count > 0;

    public static InitiativeDetails From(Initiative i) => new(
        i.Id, i.Title, i.Summary, i.OwningMinistryId, i.OwningMinistryCode,
        [.. i.CollaboratingMinistries.OrderBy(m => m.MinistryCode).Select(m => new MinistryRef(m.MinistryId, m.MinistryCode))],
        [.. i.Agencies.OrderBy(a => a.Name).Select(a => new AgencyRef(a.AgencyId, a.Name))],
        [.. i.Workstreams.Select(w => w.WorkstreamId)],
        i.Phase, i.Progress, i.Status, i.StatusReason, i.StartDate, i.EndDate, i.ContactPersonId, i.ContactPersonName,
        [.. i.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal)],
        [.. i.Links.OrderBy(l => l.Id).Select(l => new LinkRequest(l.Url, l.Title))],
        i.ExpectedResults, i.AchievedResults, i.UpdatedAt, i.StatusConfirmedAt, i.Version, i.Reference);
}

internal static class InitiativeQueries
{
    public static IQueryable<Initiative> WithChildren(this IQueryable<Initiative> query) => query
        .Include(i => i.CollaboratingMinistries)
        .Include(i => i.Agencies)
        .Include(i => i.Workstreams)
        .Include(i => i.Tags)
        .Include(i => i.Links)
        .AsSplitQuery();

    public static ProgressEntry ToProgressEntry(this Initiative initiative, ICurrentUser user, DateTimeOffset at, string? note) => new()
    {
        InitiativeId = initiative.Id,
        At = at,
        PersonId = user.PersonId,
        PersonName = user.DisplayName,
        MinistryId = user.Principal.MinistryId(),
        Phase = initiative.Phase,
        Progress = initiative.Progress,
        Status = initiative.Status,
        StatusReason = initiative.StatusReason,
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
    };
}
