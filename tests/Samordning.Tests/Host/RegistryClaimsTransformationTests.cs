using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Shared.Security;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Host;

// A signed-in person is matched by subject, else by a verified e-mail; the subject is recorded on the first match.
public sealed class RegistryClaimsTransformationTests
{
    [Theory]
    [InlineData("true", false, true)]

    // UserInfo's JSON boolean arrives through the OpenID Connect handler's claim action as "True".
    [InlineData("True", false, true)]
    [InlineData("false", false, false)]
    [InlineData(null, false, false)]

    // Auth:TrustUnverifiedEmail (Entra ID sends no email_verified) trusts a missing claim, never an explicit false.
    [InlineData(null, true, true)]
    [InlineData("false", true, false)]
    public async Task Transform_EmailWithVerification_MatchesOnlyVerifiedOrTrusted(string? verified, bool trust, bool matched)
    {
        await using var factory = SamordningFactory.Create(new()
        {
            Settings = new Dictionary<string, string?> { ["Auth:TrustUnverifiedEmail"] = trust ? "true" : "false" },
        });

        var principal = await TransformAsync(factory, SignedIn($"new-{Guid.NewGuid():N}", People.Coordinator, verified));

        Assert.Equal(matched, principal.PersonId() is not null);
    }

    [Fact]
    public async Task Transform_FirstMatchByVerifiedEmail_RecordsSubjectForLaterSignIns()
    {
        await using var factory = SamordningFactory.Create(new());
        var subject = $"external-{Guid.NewGuid():N}";
        var expected = await factory.PersonIdAsync(People.ContactPersonFin, TestContext.Current.CancellationToken);

        var first = await TransformAsync(factory, SignedIn(subject, People.ContactPersonFin, "true"));

        // Later, with no e-mail at all (an API token often has none): the subject alone finds the person.
        var later = await TransformAsync(factory, SignedIn(subject, email: null, verified: null));

        Assert.Equal(expected, first.PersonId());
        Assert.Equal(expected, later.PersonId());
    }

    private static async Task<ClaimsPrincipal> TransformAsync(SamordningFactory factory, ClaimsPrincipal principal)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IClaimsTransformation>().TransformAsync(principal);
    }

    private static ClaimsPrincipal SignedIn(string subject, string? email, string? verified)
    {
        var claims = new List<Claim> { new("sub", subject) };
        if (email is not null)
        {
            claims.Add(new Claim("email", email));
        }

        if (verified is not null)
        {
            claims.Add(new Claim("email_verified", verified));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "oidc"));
    }
}
