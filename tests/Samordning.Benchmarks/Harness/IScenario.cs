using Microsoft.Extensions.DependencyInjection;

namespace Samordning.Benchmarks.Harness;

// One benchmark: an operation of the product (the subject) and the cheapest honest way to get the same result
// (the floor). The runner measures both in the same run, on the same machine, and reports subject/floor, so a
// figure means the same on a laptop and on a CI runner. Add a scenario by implementing this and listing it in
// Scenarios/ScenarioCatalog.cs.
internal interface IScenario
{
    // Short, stable, kebab-case: it names the scenario on the command line and in the reports.
    string Name { get; }

    string Subject { get; }

    string Floor { get; }

    // The ratio subject/floor the issue aims for; reported as met or not, never a reason to fail the run.
    double Aim { get; }

    // A latency the issue aims for as well (the subject's p95, in milliseconds); reported, never failed.
    double? P95AimMilliseconds => null;

    // Lets the scenario add what its floor needs to the one host all scenarios share (for example an endpoint).
    void ConfigureHost(IServiceCollection services);

    // Runs once before measuring: checks that subject and floor return the same thing, so the ratio compares
    // like with like. Throws ScenarioFailedException when they do not.
    Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken);

    // One measured operation each. They throw on any failure, which the runner counts as an error.
    Task RunSubjectAsync(CancellationToken cancellationToken);

    Task RunFloorAsync(CancellationToken cancellationToken);

    // Runs once after the last round: a scenario that writes checks that what the subject answered during the
    // warm-up and the rounds is what was stored. Throws ScenarioFailedException when it is not.
    Task VerifyAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

// What a scenario may use: the running host and an HTTP client to it over a real socket.
internal sealed record ScenarioContext(IServiceProvider Services, HttpClient Client);

internal sealed class ScenarioFailedException(string message) : Exception(message);
