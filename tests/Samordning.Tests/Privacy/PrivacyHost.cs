using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Feedback.Data;
using Samordning.Feedback.Rounds;
using Samordning.Shared.Jobs;
using Samordning.Shared.Time;
using Samordning.Tests.Feedback;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Privacy;

// The whole product as the embedded default runs it (mail to the pickup folder, every module's store), with a
// clock the test moves; jobs are run by their ids, as Hangfire would.
internal sealed class PrivacyHost : IAsyncDisposable
{
    private PrivacyHost(SamordningFactory factory, TestClock clock)
    {
        Factory = factory;
        Clock = clock;
    }

    public SamordningFactory Factory { get; }

    public TestClock Clock { get; }

    public string PickupFolder => Path.Combine(Factory.DataFolder, "mail-pickup");

    public static PrivacyHost Start(IDictionary<string, string?>? settings = null)
    {
        var clock = new TestClock();
        var factory = SamordningFactory.Create(new SamordningFactoryOptions
        {
            Settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()),
            ConfigureServices = services => services.AddSingleton<IClock>(clock),
        });
        _ = factory.Server;
        return new PrivacyHost(factory, clock);
    }

    public async Task RunJobAsync(string id)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetServices<IRecurringJob>().Single(j => j.Id == id).RunAsync(TestContext.Current.CancellationToken);
    }

    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    public async Task<RoundDetails> OpenRoundAsync(int retentionMonths)
    {
        var request = new OpenRoundRequest($"Runde {Guid.NewGuid():N}", "Beskrivelse", [Audience.Everyone], [], Clock.UtcNow, Clock.UtcNow.AddDays(10), true, retentionMonths);
        var response = await Factory.CreateClientAs(People.Coordinator).PostAsJsonAsync("/api/feedback/rounds", request, FeedbackFixture.Json, TestContext.Current.CancellationToken);
        return await RegisterApi.ReadAsync<RoundDetails>(response, HttpStatusCode.Created);
    }

    // Through the public page, as a browser would, asking for a receipt by e-mail.
    public async Task<string> SubmitAsync(Guid roundId, Contributor contributor)
    {
        var client = Factory.CreateClientAs(null);
        var (antiforgery, token) = await PublicForm.OpenAsync(client, roundId);
        var fields = PublicForm.Valid(antiforgery, token);
        fields["Input.ContributorName"] = contributor.Name;
        fields["Input.ContributorEmail"] = contributor.Email;
        fields["Input.Text"] = contributor.Text;
        var response = await PublicForm.PostAsync(client, roundId, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return PublicForm.Reference(response);
    }

    // Recorded by a coordinator from an e-mail, without a round; the coordinator's source names the sender.
    public async Task<Guid> RecordWithoutRoundAsync(Contributor contributor) =>
        (await RegisterApi.RecordAsync(Factory.CreateClientAs(People.Coordinator), RegisterApi.Record(text: contributor.Text, email: contributor.Email) with { ContributorName = contributor.Name, Source = $"E-post fra {contributor.Name}" })).Id;

    public Task<List<string>> FindAsync(params string[] values) =>
        PersonalDataScan.FindAsync(Factory.DataFolder, Factory.ServerConnectionString, values, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}

// A person with a name that JSON and MIME headers must encode (ø), and values no other test writes.
internal sealed record Contributor(string Name, string Email, string Text)
{
    public static Contributor New()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        return new($"Gunnhild Ørnulfsdatter {id}", $"gunnhild.{id}@eksempel.no", $"Tillit før kontroll, skriver {id}.");
    }

    public string[] NameAndEmail => [Name, Email];

    public string[] All => [Name, Email, Text];
}
