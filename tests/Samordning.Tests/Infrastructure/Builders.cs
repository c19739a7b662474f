using Samordning.Ministries.Agencies;
using Samordning.Ministries.Ministries;
using Samordning.Ministries.People;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;
using Samordning.Workstreams.Workstreams;

namespace Samordning.Tests.Infrastructure;

// Valid requests with defaults; a test changes only what it is about with `with { … }`.
internal static class Builders
{
    public static MinistryRequest Ministry() => new(UniqueCode(), "Testdepartementet", "Ministry of Testing");

    public static AgencyRequest Agency(Guid ministryId) =>
        new(ministryId, $"Testetaten {Guid.NewGuid():N}", "Testing Agency", FakeOrganisationNumbers.Valid);

    public static PersonRequest Person() =>
        new("Test Testesen", $"test.{Guid.NewGuid():N}@example.no", "Rådgiver", MinistryId: null, AgencyId: null, Roles: ["Observer"]);

    // A valid initiative of the ministry: planned, 10 %, green, in 2026, no collaborators, workstreams or tags.
    public static InitiativeRequest Initiative(Guid owningMinistryId) =>
        new($"Tiltak {Guid.NewGuid():N}", "Et tiltak for testene.", owningMinistryId, [], [], [], Phase.Planned, 10, Rag.Green, null,
            new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), null, [], [], null, null);

    public static WorkstreamRequest Workstream() =>
        new(null, $"Arbeidsstrøm {Guid.NewGuid():N}", "Test workstream", "Til testene.", null, WorkstreamStatus.Active, new DateOnly(2027, 6, 30));

    public static ProgressRequest Progress(long version) => new(Phase.InProgress, 40, Rag.Green, null, "Godt i gang.", version);

    // Codes are letters only and at most 10 long; T and seven random letters cannot clash with the seeded codes.
    public static string UniqueCode() =>
        "T" + string.Concat(Guid.NewGuid().ToByteArray().Take(7).Select(b => (char)('A' + (b % 26))));
}
