using System.Net;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Feedback;

// The public pages name who asks for the input and receives it (issue 16, point 7): a citizen should know their
// words go to KMD, not to an anonymous form. A deployment for another process names its own organiser.
public sealed class PublicOrganiserTests(FeedbackFixture fixture) : IClassFixture<FeedbackFixture>
{
    private const string Kmd = "Kommunal- og moderniseringsdepartementet (KMD)";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PublicPages_Default_NameKmdOnTheListTheFormAndTheReceipt()
    {
        var round = await fixture.OpenRoundAsync();
        var client = fixture.Factory.CreateClientAs(null);
        var (antiforgery, token) = await PublicForm.OpenAsync(client, round.Id);
        var posted = await PublicForm.PostAsync(client, round.Id, PublicForm.Valid(antiforgery, token));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        Assert.Contains(Kmd, await client.GetStringAsync("/innspill", Ct), StringComparison.Ordinal);
        Assert.Contains(Kmd, await client.GetStringAsync($"/innspill/{round.Id}", Ct), StringComparison.Ordinal);
        Assert.Contains(Kmd, await client.GetStringAsync($"/innspill/kvittering/{PublicForm.Reference(posted)}", Ct), StringComparison.Ordinal);
        Assert.Contains("the Ministry of Local Government and Modernisation (KMD)", await client.GetStringAsync("/innspill?culture=en-GB", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicPages_OrganiserConfigured_NameThatOrganiser()
    {
        await using var factory = SamordningFactory.Create(new()
        {
            Settings = new Dictionary<string, string?>
            {
                ["Modules:Feedback:Organiser:NameNb"] = "Digitaliseringsdirektoratet",
                ["Modules:Feedback:Organiser:NameEn"] = "the Norwegian Digitalisation Agency",
            },
        });

        var page = await factory.CreateClientAs(null).GetStringAsync("/innspill", Ct);

        Assert.Contains("Digitaliseringsdirektoratet skriver", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Kmd, page, StringComparison.Ordinal);
    }
}
