using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Tests.Feedback;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Host;

// Errors in the person's language and in the form they can read: a page beside the field, a page for a browser
// that opened an API address, ProblemDetails for API clients.
public sealed class LocalisedErrorsTests(FeedbackFixture fixture) : IClassFixture<FeedbackFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PagePost_UnknownStatus_NorwegianMessageBesideTheField()
    {
        var client = fixture.Factory.CreateClientAs(People.Coordinator);
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await PublicForm.AntiforgeryAsync(client, "/arbeidsstrommer/ny"),
            ["Input.TitleNb"] = "",
            ["Input.Status"] = "Bogus",
        };

        var response = await client.PostAsync("/arbeidsstrommer/ny", new FormUrlEncodedContent(form), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Matches(new Regex("id=\"Input_Status-error\"[^>]*>Verdien «Bogus» er ikke gyldig for Status\\.</p>"), html);
        Assert.DoesNotContain("is not valid for", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Innholdet er for stort.")]
    [InlineData("?culture=en", "The content is too large.")]
    public async Task ApiPost_BodyOverTheServersLimit_413TitleInThePersonsLanguage(string query, string title)
    {
        // Only Kestrel enforces the body limit, so this host listens on a real port.
        await using var factory = SamordningFactory.Create(new SamordningFactoryOptions());
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        // The body is not sent until the server asks for it, which it does not when the length is over its limit.
        using var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Add(TestAuthHandler.Header, People.Coordinator);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/feedback/rounds" + query)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"title\":\"" + new string('x', 11 * 1024 * 1024) + "\"}")),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.ExpectContinue = true;

        var response = await client.SendAsync(request, Ct);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge, Ct);
        Assert.Equal(title, problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Export_FailingForABrowserNavigation_NorwegianPageWhileApiClientGetsProblemDetails()
    {
        var client = fixture.Factory.CreateClientAs(People.Observer);
        const string path = "/api/workstreams/initiatives/export.xlsx?Status=Bogus";
        using var navigation = new HttpRequestMessage(HttpMethod.Get, path);
        navigation.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        navigation.Headers.Add("Sec-Fetch-Mode", "navigate");
        using var api = new HttpRequestMessage(HttpMethod.Get, path);
        api.Headers.Accept.ParseAdd("application/json");

        var page = await client.SendAsync(navigation, Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        var problem = await client.SendAsync(api, Ct);

        Assert.Equal((HttpStatusCode.BadRequest, "text/html"), (page.StatusCode, page.Content.Headers.ContentType?.MediaType));
        Assert.Contains("Forespørselen kunne ikke behandles.", html, StringComparison.Ordinal);
        Assert.Contains("Status", (await Problem.ReadErrorsAsync(problem, Ct)).Keys);
    }

    [Fact]
    public async Task Export_NotFoundForABrowserNavigation_NorwegianPageWhileApiClientGetsProblemDetails()
    {
        var client = fixture.Factory.CreateClientAs(People.Coordinator);
        var path = $"/api/feedback/workstreams/{Guid.NewGuid()}/input.docx";
        using var navigation = new HttpRequestMessage(HttpMethod.Get, path);
        navigation.Headers.Accept.ParseAdd("text/html");
        navigation.Headers.Add("Sec-Fetch-Mode", "navigate");

        var page = await client.SendAsync(navigation, Ct);
        var api = await client.GetAsync(path, Ct);

        Assert.Equal((HttpStatusCode.NotFound, "text/html"), (page.StatusCode, page.Content.Headers.ContentType?.MediaType));
        Assert.Contains("Fant ikke", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await Problem.ReadAsync(api, HttpStatusCode.NotFound, Ct);
    }
}
