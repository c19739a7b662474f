using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Samordning.Meetings.Dialogue;

namespace Samordning.Tests.Meetings.Dialogue;

// Addresses with a parent and a child id (a dialogue and its slot, information or question; a supplier's link and a
// slot): a child of another parent is not found there, and nothing about it changes.
public sealed class DialogueParentChildTests(DialogueFixture fixture) : IClassFixture<DialogueFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChildOfAnotherDialogue_EveryTwoIdAddress_NotFoundAndUnchanged()
    {
        var mine = await fixture.CreateDialogueAsync();
        var mySupplier = await fixture.RegisterAsync(mine.Id);
        var theirs = await fixture.CreateDialogueAsync();
        var theirSlot = await fixture.AddSlotAsync(theirs.Id);
        var theirFreeSlot = await fixture.AddSlotAsync(theirs.Id, hour: 13);
        var theirSupplier = await fixture.RegisterAsync(theirs.Id);
        Assert.Equal(HttpStatusCode.OK, (await fixture.BookAsync(theirSupplier.Token, theirSlot.Id)).StatusCode);
        var information = await DialogueFixture.ReadAsync<InformationView>(await fixture.Coordinator.PostAsJsonAsync(
            $"/api/meetings/dialogues/{theirs.Id}/slots/{theirSlot.Id}/information", new InformationRequest("Rammen er 2 mill. kr.", null), Ct), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Created, (await fixture.Public.PostAsJsonAsync(
            $"/api/meetings/dialogues/supplier/{theirSupplier.Token}/questions", new SupplierQuestionRequest("Hva er fristen?"), Ct)).StatusCode);
        var before = await fixture.AdminAsync(theirs.Id);
        var question = Assert.Single(before.Questions);

        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["held"] = await fixture.Coordinator.PutAsJsonAsync($"/api/meetings/dialogues/{mine.Id}/slots/{theirSlot.Id}/held", new HeldRequest(true), Ct),
            ["cancel"] = await fixture.Coordinator.DeleteAsync($"/api/meetings/dialogues/{mine.Id}/slots/{theirSlot.Id}/booking", Ct),
            ["information"] = await fixture.Coordinator.PostAsJsonAsync($"/api/meetings/dialogues/{mine.Id}/slots/{theirSlot.Id}/information", new InformationRequest("Inn bakveien", null), Ct),
            ["publish"] = await fixture.Coordinator.PostAsJsonAsync($"/api/meetings/dialogues/{mine.Id}/information/{information.Id}/publish", new PublishInformationRequest(null), Ct),
            ["answer"] = await fixture.Coordinator.PostAsJsonAsync($"/api/meetings/dialogues/{mine.Id}/questions/{question.Id}/answer", new DialogueAnswerRequest("Svar", true, question.Version), Ct),
            ["supplier book"] = await fixture.BookAsync(mySupplier.Token, theirFreeSlot.Id),
            ["supplier cancel"] = await fixture.Public.DeleteAsync($"/api/meetings/dialogues/supplier/{mySupplier.Token}/slots/{theirSlot.Id}/booking", Ct),
        };

        Assert.All(answers, a => Assert.True(a.Value.StatusCode == HttpStatusCode.NotFound, $"{a.Key}: {(int)a.Value.StatusCode}"));
        var after = await fixture.AdminAsync(theirs.Id);
        Assert.Equal(before.Slots.Select(s => (s.Id, s.SupplierId, s.Held, s.Version)), after.Slots.Select(s => (s.Id, s.SupplierId, s.Held, s.Version)));
        Assert.Equal(before.Information.Select(i => (i.Id, i.PublishedQuestionId)), after.Information.Select(i => (i.Id, i.PublishedQuestionId)));
        Assert.Equal(before.Questions.Select(q => (q.Id, q.Answer, q.Version)), after.Questions.Select(q => (q.Id, q.Answer, q.Version)));
        Assert.Empty((await fixture.AdminAsync(mine.Id)).Information);
        Assert.Equal(0, await fixture.WithDbAsync(db => db.DialogueSlots.CountAsync(s => s.SupplierId == mySupplier.SupplierId, Ct)));
    }
}
