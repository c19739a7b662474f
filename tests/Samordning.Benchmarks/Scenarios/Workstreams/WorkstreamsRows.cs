using System.Text.Json;
using System.Text.Json.Serialization;

namespace Samordning.Benchmarks.Scenarios.Workstreams;

// The shapes of the product's dashboard and initiative list, declared here rather than borrowed, so that the
// floors do not depend on the code they are the floors for. Phase, status and round state are the enum names the
// product writes (its JSON options turn enums into names); here they are the stored text itself.
internal sealed record FloorMinistry(Guid Id, string Code, string NameNb, string NameEn, string? NameNn);

internal sealed record FloorWorkstream(Guid Id, int? Chapter, string TitleNb, string? TitleEn, string? TitleNn);

internal sealed record FloorTotals(int Ministry, IReadOnlyList<IReadOnlyList<int>> Counts);

internal sealed record FloorCell(int Ministry, int? Workstream, IReadOnlyList<int> Phases, IReadOnlyList<int> Statuses);

internal sealed record FloorHistoryDay(string Day, IReadOnlyList<int> Counts);

internal sealed record FloorCrossSectoral(IReadOnlyList<FloorInitiative> Items, bool More);

internal sealed record FloorInitiative(
    Guid Id, string Title, string OwningMinistryCode, string Phase, int Progress, string Status, int CollaboratorCount, DateTimeOffset UpdatedAt, DateTimeOffset StatusConfirmedAt, long Version);

internal sealed record FloorMinistryRound(
    Guid MinistryId, string Code, string State, int Confirmed, int ToConfirm, DateTimeOffset? SubmittedAt, string? SubmittedBy);

internal sealed record FloorRound(
    Guid Id, string Title, string? Description, DateTimeOffset Deadline, DateTimeOffset? ClosedAt, long Version, IReadOnlyList<FloorMinistryRound> Ministries, int Submitted);

internal sealed record FloorDashboard(
    IReadOnlyList<string> Phases,
    IReadOnlyList<string> Statuses,
    IReadOnlyList<FloorMinistry> Ministries,
    IReadOnlyList<FloorWorkstream> Workstreams,
    IReadOnlyList<FloorTotals> Totals,
    IReadOnlyList<FloorCell> Matrix,
    FloorCrossSectoral CrossSectoral,
    IReadOnlyList<FloorHistoryDay> History,
    FloorRound? LatestRound,
    Guid? FocusWorkstreamId);

internal sealed record FloorInitiativePage(IReadOnlyList<FloorInitiative> Items, int Total, int Page, int PageSize);

// Source-generated, with the web defaults ASP.NET Core's minimal APIs use, so both sides send the same JSON shape.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(FloorDashboard))]
[JsonSerializable(typeof(FloorInitiativePage))]
internal sealed partial class WorkstreamsFloorJson : JsonSerializerContext;
