using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Meetings;

namespace Samordning.Tests.Feedback;

// A file over what the whole form may hold: the form comes back with what the person typed and the limit named
// beside the file field, not an error page.
public sealed class OversizedUploadTests(FeedbackFixture fixture) : IClassFixture<FeedbackFixture>
{
    private const string Typed = "Denne teksten skrev jeg i en halvtime.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(20)]
    [InlineData(40)]
    public async Task PublicForm_FileOverTheRequestLimit_FormAgainWithTheTextAndTheLimit(int megabytes)
    {
        var round = await fixture.OpenRoundAsync();
        var client = fixture.Factory.CreateClientAs(null);
        var (antiforgery, token) = await PublicForm.OpenAsync(client, round.Id);
        var fields = PublicForm.Valid(antiforgery, token);
        fields["Input.Text"] = Typed;

        var response = await PublicForm.PostAsync(client, round.Id, fields, ("stor.pdf", new byte[megabytes * 1024 * 1024]));
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains(Typed, html, StringComparison.Ordinal);
        Assert.Contains("«stor.pdf» er større enn 5 MB.", html, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.WithDbAsync(db => db.Items.CountAsync(i => i.RoundId == round.Id, Ct)));
    }

    [Fact]
    public async Task MaterialsPage_FileOverTheServersLimit_FormAgainWithTheTitleAndTheLimit()
    {
        // Only Kestrel enforces the server's body limit (10 MB), so this host listens on a real port.
        await using var factory = SamordningFactory.Create(new SamordningFactoryOptions());
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Add(TestAuthHandler.Header, People.Coordinator);
        var meeting = await Problem.ReadOkAsync<Samordning.Meetings.Meetings.MeetingDetails>(
            await client.PostAsJsonAsync("/api/meetings", await MeetingTestData.RequestAsync(factory), Ct), HttpStatusCode.Created, Ct);
        var path = $"/moter/{meeting.Id}/materiell";
        var antiforgery = await PublicForm.AntiforgeryAsync(client, path);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(antiforgery), "__RequestVerificationToken" },
            { new StringContent("Presentasjonen fra verkstedet"), "Upload.Title" },
        };
        var file = new ByteArrayContent(new byte[12 * 1024 * 1024]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "Upload.File", "lysark.pdf");

        var response = await client.PostAsync(path + "?handler=Upload", content, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("value=\"Presentasjonen fra verkstedet\"", html, StringComparison.Ordinal);
        Assert.Contains("Filen er for stor. En presentasjon kan være høyst 8 MB.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorPage_AnonymousVisitor_LinksToThePublicPageNotSignIn()
    {
        var html = await (await fixture.Factory.CreateClientAs(null).GetAsync("/feil/400", Ct)).Content.ReadAsStringAsync(Ct);

        Assert.Contains("href=\"/innspill\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Gå til oversikten<", html, StringComparison.Ordinal);
    }
}
