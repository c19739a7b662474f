using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Samordning.Tests.Feedback;

// Fills in the public input page as a browser would: the anti-forgery token and the form's idempotency token
// come from the page, the anti-forgery cookie stays in the client.
internal static partial class PublicForm
{
    public static async Task<(string Antiforgery, string Token)> OpenAsync(HttpClient client, Guid roundId)
    {
        var html = await client.GetStringAsync($"/innspill/{roundId}", TestContext.Current.CancellationToken);
        return (Value(html, "__RequestVerificationToken"), Value(html, "Input.Token"));
    }

    public static Dictionary<string, string> Valid(string antiforgery, string token) => new()
    {
        ["__RequestVerificationToken"] = antiforgery,
        ["Input.Token"] = token,
        ["Input.ContributorType"] = "Supplier",
        ["Input.OrganisationName"] = "Testleverandør AS",
        ["Input.OrganisationNumber"] = Infrastructure.FakeOrganisationNumbers.Valid,
        ["Input.ContributorName"] = "Test Testesen",
        ["Input.ContributorEmail"] = "Test@Example.no",
        ["Input.WantsReceipt"] = "true",
        ["Input.Text"] = "Beskriv behovet, ikke løsningen.",
        ["Input.ConsentToPublish"] = "true",
        ["Input.Website"] = "",
    };

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid roundId, Dictionary<string, string> fields, params (string Name, byte[] Content)[] files) =>
        PostToAsync(client, $"/innspill/{roundId}", fields, files);

    // The anti-forgery token of any of the module's forms (the register's pages as well as the public one).
    public static async Task<string> AntiforgeryAsync(HttpClient client, string path) =>
        Value(await client.GetStringAsync(path, TestContext.Current.CancellationToken), "__RequestVerificationToken");

    // A multipart post; a field may repeat (a group of checkboxes).
    public static Task<HttpResponseMessage> PostToAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields, params (string Name, byte[] Content)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, "Attachments", name);
        }

        return client.PostAsync(path, content, TestContext.Current.CancellationToken);
    }

    public static string Reference(HttpResponseMessage redirect)
    {
        var location = redirect.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"No redirect: {(int)redirect.StatusCode}");
        Assert.StartsWith("/innspill/kvittering/", location, StringComparison.Ordinal);
        return location["/innspill/kvittering/".Length..];
    }

    private static string Value(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*name=\"{Regex.Escape(name)}\"");
        Assert.True(match.Success, $"No {name} in the page.");
        return match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
    }
}
