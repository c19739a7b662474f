using System.Globalization;
using Samordning.Benchmarks.Data;
using Samordning.Benchmarks.Hosting;

namespace Samordning.Benchmarks.Scenarios.Overview;

// One contact person signed in for the overview: who the identity provider says they are, and their ministry.
internal sealed record OverviewContact(string Subject, string Email, Guid MinistryId, string MinistryCode)
{
    public void SignIn(HttpRequestMessage request)
    {
        request.Headers.Add(BenchmarkAuthenticationHandler.SubjectHeader, Subject);
        request.Headers.Add(BenchmarkAuthenticationHandler.EmailHeader, Email);
    }
}

// A contact person of their own for each of the ministries owning most initiatives (the biggest first), registered
// people with only the ContactPerson role, as the registry's page would store them. Written once per host's stores.
internal static class OverviewContacts
{
    public const int Ministries = 8;

    private const int RoleContactPerson = 2;

    private static readonly string[] PersonColumns =
        ["Id", "Name", "Email", "Subject", "Title", "MinistryId", "AgencyId", "Roles", "Active", "PreferredLanguage", "Version", "SearchText"];

    public static async Task<IReadOnlyList<OverviewContact>> EnsureAsync(
        BenchDatabase database, IReadOnlyList<(Guid Id, string Code)> ministriesByInitiatives, CancellationToken cancellationToken)
    {
        var contacts = ministriesByInitiatives.Take(Ministries).Select((m, index) => new OverviewContact(
            string.Create(CultureInfo.InvariantCulture, $"bench-overview-{index}"),
            string.Create(CultureInfo.InvariantCulture, $"oversikt{index}@bench.example.no"),
            m.Id,
            m.Code)).ToList();

        await using var connection = await database.OpenAsync("ministries", cancellationToken);
        var known = await database.CountAsync(
            connection, $"""SELECT COUNT(*) FROM {database.Table("ministries", "People")} WHERE "Subject" LIKE 'bench-overview-%'""", cancellationToken);
        if (known == 0)
        {
            var registry = new BulkRows(database, "ministries");
            foreach (var (index, contact) in contacts.Index())
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"Oversiktsperson {index}");
                registry.Add("People", PersonColumns,
                    Guid.CreateVersion7(), name, contact.Email, contact.Subject, "Seniorrådgiver", contact.MinistryId, null, RoleContactPerson, true, "nb", 1L,
                    $"{name} {contact.Email} seniorrådgiver".ToLowerInvariant());
            }

            await registry.WriteAsync(cancellationToken);
        }

        return contacts;
    }
}
