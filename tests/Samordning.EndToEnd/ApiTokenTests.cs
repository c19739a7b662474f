using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Samordning.EndToEnd.Infrastructure;

namespace Samordning.EndToEnd;

// The API with access tokens (JWT bearer) from the independent provider: real tokens from its token endpoint, and
// tokens made here with its own signing key that the app must still refuse.
[Collection(UserInfoProviderCollection.Name)]
public sealed class ApiTokenTests(UserInfoProviderHost idp)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Api_SystemClientToken_ReadsWithItsObserverRole()
    {
        using var api = Api(await ClientCredentialsTokenAsync(OidcProviderProcess.ApiAudience));

        using var list = await api.GetAsync(new Uri("/api/ministries", UriKind.Relative), Ct);
        using var create = await api.PostAsync(new Uri("/api/ministries", UriKind.Relative), Json("{}"), Ct);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("Finansdepartementet", await list.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // Observer: reads, may not register a ministry.
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task Api_TokenForAnotherAudience_Unauthorized()
    {
        using var api = Api(await ClientCredentialsTokenAsync(OidcProviderProcess.OtherAudience));

        using var response = await api.GetAsync(new Uri("/api/ministries", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_PersonTokenWithVerifiedEmail_ActsWithThatPersonsRole()
    {
        // A delegated token for Kari (a coordinator), signed with the provider's key: she may register a ministry,
        // so the empty request gets as far as validation.
        using var api = Api(Token(idp.Provider.SigningKey, PersonClaims("ext-api-kari", "kari.koordinator@kmd.example.no")));

        using var create = await api.PostAsync(new Uri("/api/ministries", UriKind.Relative), Json("{}"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("wrong-audience")]
    [InlineData("wrong-issuer")]
    [InlineData("wrong-key")]
    public async Task Api_TokenNotValidForTheApp_Unauthorized(string flaw)
    {
        var claims = PersonClaims("ext-api-kari", "kari.koordinator@kmd.example.no");
        SecurityKey key = idp.Provider.SigningKey;
        switch (flaw)
        {
            case "expired":
                claims["iat"] = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds();
                claims["nbf"] = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds();
                claims["exp"] = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds();
                break;
            case "wrong-audience":
                claims["aud"] = OidcProviderProcess.OtherAudience;
                break;
            case "wrong-issuer":
                claims["iss"] = "http://127.0.0.1:1";
                break;
            default:
                key = ForgedKey(key.KeyId);
                break;
        }

        using var api = Api(Token(key, claims));
        using var response = await api.GetAsync(new Uri("/api/ministries", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private HttpClient Api(string token)
    {
        var client = new HttpClient { BaseAddress = idp.Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<string> ClientCredentialsTokenAsync(string resource)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(idp.Provider.Issuer, "/token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["resource"] = resource,
                ["scope"] = "api",
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(
            Encoding.UTF8.GetBytes($"{OidcProviderProcess.SystemClientId}:{OidcProviderProcess.SystemClientSecret}")));
        using var response = await http.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    private Dictionary<string, object> PersonClaims(string subject, string email)
    {
        var now = DateTimeOffset.UtcNow;
        return new Dictionary<string, object>
        {
            ["iss"] = idp.Provider.Issuer.GetLeftPart(UriPartial.Authority),
            ["aud"] = OidcProviderProcess.ApiAudience,
            ["sub"] = subject,
            ["client_id"] = OidcProviderProcess.SystemClientId,
            ["email"] = email,
            ["email_verified"] = true,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(10).ToUnixTimeSeconds(),
        };
    }

    // Another key that claims to be the provider's (its key id).
    private static RsaSecurityKey ForgedKey(string keyId)
    {
        using var rsa = RSA.Create(2048);
        return new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: true)) { KeyId = keyId };
    }

    private static string Token(SecurityKey key, Dictionary<string, object> claims) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(
            JsonSerializer.Serialize(claims),
            new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            new Dictionary<string, object> { ["typ"] = "at+jwt" });
}
