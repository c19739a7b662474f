using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Meetings.Data;
using Samordning.Meetings.Dialogue;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Meetings.Dialogue;

// The host with a public rate limit high enough for a test class, and the steps most dialogue tests take.
public sealed class DialogueFixture : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static int NextNumber = 10_000_000;

    public SamordningFactory Factory { get; } = SamordningFactory.Create(new SamordningFactoryOptions
    {
        Settings = new Dictionary<string, string?> { ["RateLimiting:PublicPermitsPerMinute"] = "100000" },
    });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public HttpClient Coordinator => Factory.CreateClientAs(People.Coordinator);

    public HttpClient Public => Factory.CreateClientAs(null);

    // A fresh made-up organisation number with a valid MOD11 check digit (eight-digit prefixes whose check would be
    // 10 are skipped), so each test registers suppliers of its own.
    public static string NewOrganisationNumber()
    {
        while (true)
        {
            var prefix = Interlocked.Increment(ref NextNumber).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            if (Mod11.CheckDigit(prefix) is { } check)
            {
                return prefix + check;
            }
        }
    }

    internal async Task<DialogueView> CreateDialogueAsync(bool published = true, TimeSpan? untilDeadline = null, int maxSlots = 1)
    {
        var request = new DialogueRequest(
            $"Prosesstøtte {Guid.NewGuid():N}", "Dialog før anskaffelse av prosesstøtte.", "Det som sies i en-til-en-møter, publiseres for alle.",
            DateTimeOffset.UtcNow + (untilDeadline ?? TimeSpan.FromDays(14)), maxSlots, published);
        return await ReadAsync<DialogueView>(await Coordinator.PostAsJsonAsync("/api/meetings/dialogues", request, Json, Ct), HttpStatusCode.Created);
    }

    internal async Task<SlotView> AddSlotAsync(Guid dialogueId, int daysAhead = 7, int hour = 10)
    {
        var start = DateTimeOffset.UtcNow.Date.AddDays(daysAhead).AddHours(hour);
        var request = new SlotRequest(new DateTimeOffset(start, TimeSpan.Zero), 45, "KMD, Akersgata 59", "https://video.example.no/kmd");
        return await ReadAsync<SlotView>(await Coordinator.PostAsJsonAsync($"/api/meetings/dialogues/{dialogueId}/slots", request, Json, Ct), HttpStatusCode.Created);
    }

    internal async Task<RegistrationReceipt> RegisterAsync(Guid dialogueId, string? organisationNumber = null, string name = "Leverandør AS")
    {
        var response = await PostRegistrationAsync(dialogueId, organisationNumber ?? NewOrganisationNumber(), name);
        return await ReadAsync<RegistrationReceipt>(response, HttpStatusCode.Created);
    }

    internal Task<HttpResponseMessage> PostRegistrationAsync(Guid dialogueId, string organisationNumber, string name = "Leverandør AS") =>
        Public.PostAsJsonAsync($"/api/meetings/dialogues/{dialogueId}/suppliers",
            new SupplierRegistrationRequest(name, organisationNumber, "Kari Kontakt", "kari@leverandor.example.no", true), Json, Ct);

    internal Task<HttpResponseMessage> BookAsync(string token, Guid slotId) =>
        Public.PostAsync($"/api/meetings/dialogues/supplier/{token}/slots/{slotId}/booking", null, Ct);

    internal async Task<SupplierPageView> SupplierPageAsync(string token) =>
        await ReadAsync<SupplierPageView>(await Public.GetAsync($"/api/meetings/dialogues/supplier/{token}", Ct), HttpStatusCode.OK);

    internal async Task<DialogueAdminView> AdminAsync(Guid dialogueId) =>
        await ReadAsync<DialogueAdminView>(await Coordinator.GetAsync($"/api/meetings/dialogues/{dialogueId}", Ct), HttpStatusCode.OK);

    internal async Task<T> WithDbAsync<T>(Func<MeetingsDbContext, Task<T>> read)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<MeetingsDbContext>());
    }

    internal static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}

// The organisation number's check digit written out again from the register's description, independently of the
// product's code: weights 3, 2, 7, 6, 5, 4, 3, 2; check 11 − sum mod 11, where 11 is 0 and 10 means no valid number.
internal static class Mod11
{
    public static int? CheckDigit(string eightDigits)
    {
        int[] weights = [3, 2, 7, 6, 5, 4, 3, 2];
        var sum = eightDigits.Select((c, i) => (c - '0') * weights[i]).Sum();
        var check = 11 - (sum % 11);
        return check == 11 ? 0 : check == 10 ? null : check;
    }

    public static bool IsValid(string value) =>
        value.Length == 9 && value.All(char.IsAsciiDigit) && CheckDigit(value[..8]) is { } check && check == value[8] - '0';
}
