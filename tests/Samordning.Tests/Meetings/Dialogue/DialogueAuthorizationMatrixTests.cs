using System.Net;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Samordning.Meetings.Dialogue;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Workstreams;

namespace Samordning.Tests.Meetings.Dialogue;

public enum DialogueAction
{
    ListDialogues,
    CreateDialogue,
    ReadDialogue,
    EditDialogue,
    AddSlot,
    MarkHeld,
    CancelBookingAsCoordinator,
    RecordInformation,
    PublishInformation,
    AnswerQuestion,
    ReadReport,
    ReadReportCsv,
    ReadManagePage,
    ReadPublicDialogue,
    RegisterSupplier,
}

// The supplier dialogue's part of the authorization matrix (Workstreams/AuthorizationMatrixTests has the actors):
// coordinators manage, everyone else registered is refused (403), a person outside the registry 403 and an anonymous
// caller 401; the public page and the registration are open to anyone. Suppliers act only through their private
// link, which opens nothing but their own page (the last tests). Each write is checked to have happened exactly
// when allowed.
public sealed class DialogueAuthorizationMatrixTests(DialogueFixture fixture) : IClassFixture<DialogueFixture>
{
    private static readonly int[] CoordinatorOnly = [200, 403, 403, 403, 403, 403, 403, 403, 401];
    private static readonly int[] CoordinatorCreates = [201, 403, 403, 403, 403, 403, 403, 403, 401];

    private static readonly Dictionary<DialogueAction, int[]> Expected = new()
    {
        //                                           Coord OwnCP ColCP UnrCP  Obs   Fac   Adm  Unreg  Anon
        [DialogueAction.ListDialogues] = CoordinatorOnly,
        [DialogueAction.CreateDialogue] = CoordinatorCreates,
        [DialogueAction.ReadDialogue] = CoordinatorOnly,
        [DialogueAction.EditDialogue] = CoordinatorOnly,
        [DialogueAction.AddSlot] = CoordinatorCreates,
        [DialogueAction.MarkHeld] = CoordinatorOnly,
        [DialogueAction.CancelBookingAsCoordinator] = CoordinatorOnly,
        [DialogueAction.RecordInformation] = CoordinatorCreates,
        [DialogueAction.PublishInformation] = CoordinatorOnly,
        [DialogueAction.AnswerQuestion] = CoordinatorOnly,
        [DialogueAction.ReadReport] = CoordinatorOnly,
        [DialogueAction.ReadReportCsv] = CoordinatorOnly,
        [DialogueAction.ReadManagePage] = [200, 403, 403, 403, 403, 403, 403, 403, 401],
        [DialogueAction.ReadPublicDialogue] = [200, 200, 200, 200, 200, 200, 200, 200, 200],
        [DialogueAction.RegisterSupplier] = [201, 201, 201, 201, 201, 201, 201, 201, 201],
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<Actor, DialogueAction, int> Matrix()
    {
        var data = new TheoryData<Actor, DialogueAction, int>();
        foreach (var (action, codes) in Expected)
        {
            foreach (var actor in Enum.GetValues<Actor>())
            {
                data.Add(actor, action, codes[(int)actor]);
            }
        }

        return data;
    }

    [Fact]
    public void Matrix_EveryActionAndActor_HasAnExpectation()
    {
        Assert.Equal(Enum.GetValues<DialogueAction>().Order(), Expected.Keys.Order());
        Assert.All(Expected.Values, codes => Assert.Equal(Enum.GetValues<Actor>().Length, codes.Length));
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Action_ByActor_ExpectedStatusAndEffect(Actor actor, DialogueAction action, int expected)
    {
        var client = fixture.Factory.CreateClientAs(AuthorizationMatrixTests.EmailOf(actor));

        var (response, happened) = await ActAsync(client, action);

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == (int)response.StatusCode, $"{actor} {action}: expected {expected}, got {(int)response.StatusCode}: {body}");
        if (expected is >= 400 && action != DialogueAction.ReadManagePage)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        if (happened is not null)
        {
            Assert.Equal(expected < 400, await happened());
        }
    }

    [Fact]
    public async Task SupplierToken_CoordinatorEndpoints_401()
    {
        var dialogue = await fixture.CreateDialogueAsync();
        var supplier = await fixture.RegisterAsync(dialogue.Id);
        var client = fixture.Factory.CreateClientAs(null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", supplier.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/meetings/dialogues/{dialogue.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/meetings/dialogues/{dialogue.Id}/report", Ct)).StatusCode);
    }

    [Fact]
    public async Task SupplierToken_OfAnotherDialogue_CannotBookItsSlots()
    {
        var first = await fixture.CreateDialogueAsync();
        var second = await fixture.CreateDialogueAsync();
        var slot = await fixture.AddSlotAsync(second.Id);
        var supplier = await fixture.RegisterAsync(first.Id);

        var response = await fixture.BookAsync(supplier.Token, slot.Id);

        await Problem.ReadAsync(response, HttpStatusCode.NotFound, Ct);
        Assert.Null(Assert.Single((await fixture.AdminAsync(second.Id)).Slots).SupplierId);
    }

    [Theory]
    [InlineData("kort")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%2F")]
    public async Task SupplierToken_Malformed_404(string token)
    {
        await Problem.ReadAsync(await fixture.Factory.CreateClientAs(null).GetAsync($"/api/meetings/dialogues/supplier/{token}", Ct), HttpStatusCode.NotFound, Ct);
    }

    // Kestrel applies an endpoint's request size limit (the test server has no such limit to set), so the test reads
    // the limit every dialogue endpoint declares.
    [Fact]
    public void Endpoints_EveryDialogueEndpoint_BodyBounded()
    {
        var endpoints = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/meetings/dialogues", StringComparison.Ordinal) == true)
            .ToList();

        Assert.True(endpoints.Count >= 17, $"Only {endpoints.Count} dialogue endpoints found.");
        Assert.All(endpoints, e => Assert.True(
            e.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is > 0 and <= DialogueRules.MaxBodyBytes, e.RoutePattern.RawText));
    }

    private async Task<(HttpResponseMessage Response, Func<Task<bool>>? Happened)> ActAsync(HttpClient client, DialogueAction action)
    {
        switch (action)
        {
            case DialogueAction.ListDialogues:
                return (await client.GetAsync("/api/meetings/dialogues", Ct), null);

            case DialogueAction.CreateDialogue:
            {
                var title = $"Matrise {Guid.NewGuid():N}";
                var response = await client.PostAsJsonAsync("/api/meetings/dialogues", new DialogueRequest(title, null, "Vilkår", DateTimeOffset.UtcNow.AddDays(3), 1, true), Ct);
                return (response, async () => await fixture.WithDbAsync(db => db.SupplierDialogues.AnyAsync(d => d.Title == title, Ct)));
            }

            case DialogueAction.ReadDialogue:
            {
                var dialogue = await fixture.CreateDialogueAsync();
                return (await client.GetAsync($"/api/meetings/dialogues/{dialogue.Id}", Ct), null);
            }

            case DialogueAction.EditDialogue:
            {
                var dialogue = await fixture.CreateDialogueAsync();
                var response = await client.PutAsJsonAsync($"/api/meetings/dialogues/{dialogue.Id}",
                    new DialogueRequest(dialogue.Title + " endret", dialogue.Description, dialogue.Terms, dialogue.RegistrationDeadline, 1, true, dialogue.Version), Ct);
                return (response, async () => (await fixture.AdminAsync(dialogue.Id)).Dialogue.Title.EndsWith(" endret", StringComparison.Ordinal));
            }

            case DialogueAction.AddSlot:
            {
                var dialogue = await fixture.CreateDialogueAsync();
                var response = await client.PostAsJsonAsync($"/api/meetings/dialogues/{dialogue.Id}/slots",
                    new SlotRequest(DateTimeOffset.UtcNow.AddDays(5), 30, "KMD", null), Ct);
                return (response, async () => (await fixture.AdminAsync(dialogue.Id)).Slots.Count == 1);
            }

            case DialogueAction.MarkHeld:
            {
                var (dialogue, slot, _) = await BookedAsync();
                var response = await client.PutAsJsonAsync($"/api/meetings/dialogues/{dialogue}/slots/{slot}/held", new HeldRequest(true), Ct);
                return (response, async () => Assert.Single((await fixture.AdminAsync(dialogue)).Slots).Held);
            }

            case DialogueAction.CancelBookingAsCoordinator:
            {
                var (dialogue, slot, _) = await BookedAsync();
                var response = await client.DeleteAsync($"/api/meetings/dialogues/{dialogue}/slots/{slot}/booking", Ct);
                return (response, async () => Assert.Single((await fixture.AdminAsync(dialogue)).Slots).SupplierId is null);
            }

            case DialogueAction.RecordInformation:
            {
                var (dialogue, slot, _) = await BookedAsync();
                var response = await client.PostAsJsonAsync($"/api/meetings/dialogues/{dialogue}/slots/{slot}/information", new InformationRequest("Opplyst", null), Ct);
                return (response, async () => (await fixture.AdminAsync(dialogue)).Information.Count == 1);
            }

            case DialogueAction.PublishInformation:
            {
                var (dialogue, slot, _) = await BookedAsync();
                var information = await DialogueFixture.ReadAsync<InformationView>(await fixture.Coordinator.PostAsJsonAsync(
                    $"/api/meetings/dialogues/{dialogue}/slots/{slot}/information", new InformationRequest("Opplyst", null), Ct), HttpStatusCode.Created);
                var response = await client.PostAsJsonAsync($"/api/meetings/dialogues/{dialogue}/information/{information.Id}/publish", new PublishInformationRequest(null), Ct);
                return (response, async () => (await fixture.AdminAsync(dialogue)).Questions.Any(q => q.PublishedAt is not null));
            }

            case DialogueAction.AnswerQuestion:
            {
                var dialogue = await fixture.CreateDialogueAsync();
                var supplier = await fixture.RegisterAsync(dialogue.Id);
                await fixture.Factory.CreateClientAs(null).PostAsJsonAsync($"/api/meetings/dialogues/supplier/{supplier.Token}/questions", new SupplierQuestionRequest("Spørsmål?"), Ct);
                var question = Assert.Single((await fixture.AdminAsync(dialogue.Id)).Questions);
                var response = await client.PostAsJsonAsync($"/api/meetings/dialogues/{dialogue.Id}/questions/{question.Id}/answer", new DialogueAnswerRequest("Svar.", true, question.Version), Ct);
                return (response, async () => Assert.Single((await fixture.AdminAsync(dialogue.Id)).Questions).PublishedAt is not null);
            }

            case DialogueAction.ReadReport:
            {
                var dialogue = await fixture.CreateDialogueAsync();
                return (await client.GetAsync($"/api/meetings/dialogues/{dialogue.Id}/report", Ct), null);
            }

            case DialogueAction.ReadReportCsv:
            {
                var dialogue = await fixture.CreateDialogueAsync();
                return (await client.GetAsync($"/api/meetings/dialogues/{dialogue.Id}/report.csv", Ct), null);
            }

            case DialogueAction.ReadManagePage:
            {
                var dialogue = await fixture.CreateDialogueAsync();
                return (await client.GetAsync($"/moter/dialoger/{dialogue.Id}", Ct), null);
            }

            case DialogueAction.ReadPublicDialogue:
            {
                var dialogue = await fixture.CreateDialogueAsync();
                return (await client.GetAsync($"/api/meetings/dialogues/{dialogue.Id}/public", Ct), null);
            }

            case DialogueAction.RegisterSupplier:
            {
                var dialogue = await fixture.CreateDialogueAsync();
                var response = await client.PostAsJsonAsync($"/api/meetings/dialogues/{dialogue.Id}/suppliers",
                    new SupplierRegistrationRequest("Matrise AS", DialogueFixture.NewOrganisationNumber(), "Kari", "kari@example.no", true), Ct);
                return (response, async () => (await fixture.AdminAsync(dialogue.Id)).Suppliers.Count == 1);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    private async Task<(Guid Dialogue, Guid Slot, RegistrationReceipt Supplier)> BookedAsync()
    {
        var dialogue = await fixture.CreateDialogueAsync();
        var slot = await fixture.AddSlotAsync(dialogue.Id);
        var supplier = await fixture.RegisterAsync(dialogue.Id);
        Assert.Equal(HttpStatusCode.OK, (await fixture.BookAsync(supplier.Token, slot.Id)).StatusCode);
        return (dialogue.Id, slot.Id, supplier);
    }
}
