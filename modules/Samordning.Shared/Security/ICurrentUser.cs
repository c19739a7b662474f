using System.Security.Claims;

namespace Samordning.Shared.Security;

/// <summary>Who is acting now: the signed-in person in a request, or the system in a background job.</summary>
public interface ICurrentUser
{
    /// <summary>The person's registry id, or null for the system or an anonymous visitor.</summary>
    Guid? PersonId { get; }

    /// <summary>Name for audit logs and bylines.</summary>
    string DisplayName { get; }

    /// <summary>The principal, with roles from the registry.</summary>
    ClaimsPrincipal Principal { get; }
}

/// <summary>Reads the registry claims the host adds.</summary>
public static class PrincipalExtensions
{
    /// <summary>The person's registry id, or null when not registered.</summary>
    public static Guid? PersonId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SamordningClaims.PersonId), out var id) ? id : null;

    /// <summary>The person's ministry id, or null.</summary>
    public static Guid? MinistryId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SamordningClaims.MinistryId), out var id) ? id : null;
}
