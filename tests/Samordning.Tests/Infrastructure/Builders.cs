using Samordning.Ministries.Agencies;
using Samordning.Ministries.Ministries;
using Samordning.Ministries.People;

namespace Samordning.Tests.Infrastructure;

// Valid requests with defaults; a test changes only what it is about with `with { … }`.
internal static class Builders
{
    public static MinistryRequest Ministry() => new(UniqueCode(), "Testdepartementet", "Ministry of Testing");

    public static AgencyRequest Agency(Guid ministryId) =>
        new(ministryId, $"Testetaten {Guid.NewGuid():N}", "Testing Agency", FakeOrganisationNumbers.Valid);

    public static PersonRequest Person() =>
        new("Test Testesen", $"test.{Guid.NewGuid():N}@example.no", "Rådgiver", MinistryId: null, AgencyId: null, Roles: ["Observer"]);

    // Codes are letters only and at most 10 long; T and seven random letters cannot clash with the seeded codes.
    public static string UniqueCode() =>
        "T" + string.Concat(Guid.NewGuid().ToByteArray().Take(7).Select(b => (char)('A' + (b % 26))));
}
