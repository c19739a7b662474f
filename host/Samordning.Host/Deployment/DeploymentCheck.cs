using Samordning.Shared.Persistence;

namespace Samordning.Host.Deployment;

// Refuses, before anything is served, a set-up that would start but lose data or sessions in operation: several
// nodes without the Redis backplane (live items reach only the clients of the node that stored them), on SQLite
// files (one machine's disk) or with in-memory job storage (each node would run every recurring job), and a
// Production host whose data-protection keys would sit unencrypted in the database. Every problem is named at once,
// so an operator fixes the settings in one round.
internal static class DeploymentCheck
{
    public const string NodesKey = "Deployment:Nodes";

    public static void Verify(IConfiguration configuration, IHostEnvironment environment)
    {
        var problems = Problems(configuration, environment);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "Samordning starter ikke / will not start: " + string.Join(" ", problems) + " See README, \"Production settings\".");
        }
    }

    public static IReadOnlyList<string> Problems(IConfiguration configuration, IHostEnvironment environment)
    {
        var problems = new List<string>();
        var nodes = configuration.GetValue(NodesKey, 1);
        if (nodes < 1)
        {
            problems.Add($"{NodesKey} is {nodes}; it counts the host processes behind the load balancer and is at least 1.");
        }

        if (nodes > 1)
        {
            if (string.IsNullOrWhiteSpace(configuration["Redis:Configuration"]))
            {
                problems.Add($"{NodesKey} is {nodes} but Redis:Configuration is empty: live updates would not reach the clients of the other nodes.");
            }

            if (DatabaseSettings.From(configuration).Provider == DatabaseProvider.Sqlite)
            {
                problems.Add($"{NodesKey} is {nodes} but Database:Provider is Sqlite: the SQLite files live on one machine; use SqlServer or PostgreSql.");
            }

            var storage = configuration["Jobs:Storage"] ?? "InMemory";
            if (storage.Equals("InMemory", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{NodesKey} is {nodes} but Jobs:Storage is InMemory: every node would run every recurring job on its own; use SqlServer or PostgreSql.");
            }
        }

        if (environment.IsProduction()
            && string.IsNullOrWhiteSpace(configuration["DataProtection:CertificatePath"])
            && string.IsNullOrWhiteSpace(configuration["DataProtection:CertificateThumbprint"]))
        {
            problems.Add("The environment is Production but neither DataProtection:CertificatePath nor DataProtection:CertificateThumbprint is set: the keys that sign sessions would be stored unencrypted.");
        }

        return problems;
    }
}
