using System.Security.Claims;
using Samordning.Shared.Security;

namespace Samordning.Ministries.Contracts;

/// <summary>The claims a registry person acts with: the same wherever a principal is made for them.</summary>
public static class RegistryIdentity
{
    /// <summary>
    /// An identity with the person's registry id, name, ministry and roles. Roles and ministry come from the registry,
    /// never from the identity provider.
    /// </summary>
    /// <param name="person">The registry person.</param>
    /// <param name="authenticationType">How the person was recognised (the sign-in, a calendar feed token…).</param>
    public static ClaimsIdentity For(PersonInfo person, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(person);
        var identity = new ClaimsIdentity(authenticationType, SamordningClaims.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(SamordningClaims.PersonId, person.Id.ToString()));
        identity.AddClaim(new Claim(SamordningClaims.Name, person.Name));
        identity.AddClaim(new Claim(SamordningClaims.Language, person.PreferredLanguage));
        if (person.MinistryId is { } ministryId)
        {
            identity.AddClaim(new Claim(SamordningClaims.MinistryId, ministryId.ToString()));
        }

        foreach (var role in person.Roles)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        return identity;
    }
}
