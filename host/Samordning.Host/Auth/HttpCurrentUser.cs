using System.Security.Claims;
using Samordning.Shared.Security;

namespace Samordning.Host.Auth;

// The person behind the current request, or "system" outside one (background jobs, start-up).
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private static readonly ClaimsPrincipal Nobody = new(new ClaimsIdentity());

    public ClaimsPrincipal Principal => accessor.HttpContext?.User ?? Nobody;

    public Guid? PersonId => Principal.PersonId();

    public string DisplayName =>
        Principal.FindFirstValue(SamordningClaims.Name)
        ?? Principal.FindFirstValue("name")
        ?? (accessor.HttpContext is null ? "system" : "anonym");
}
