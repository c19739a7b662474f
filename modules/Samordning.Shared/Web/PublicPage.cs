using Microsoft.AspNetCore.Http;

namespace Samordning.Shared.Web;

/// <summary>
/// Marks a public page (a Razor page model) whose anonymous GET the host answers from a cache of whole responses,
/// keyed by the address, the language and the public-content version (the host's <c>PublicPageCache</c>). Signed-in
/// people, guests, other methods and other status codes always get the page rendered. A page that carries a
/// per-visitor value other than the antiforgery token makes it with <see cref="PublicPage.FreshToken"/>, so each
/// visitor gets their own.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PublicPageAttribute : Attribute
{
    /// <summary>The query parameters the page reads; an address with any other is rendered and not cached.</summary>
    public string[] Query { get; init; } = [];
}

/// <summary>What a public page tells the host's cache of whole responses, and the key of its own cached fragments.</summary>
public static class PublicPage
{
    /// <summary>
    /// The public-content key of this request (read once, before the page), which the page's <c>&lt;cache&gt;</c>
    /// fragments vary by; null when it cannot be known, and then the fragments must not be cached either.
    /// </summary>
    public static string? ContentKey(HttpContext context) => context.Features.Get<PublicPageRequest>()?.ContentKey;

    /// <summary>A fresh per-visitor token (an idempotency key): a cached page gets a new one for every visitor.</summary>
    public static string FreshToken(HttpContext context)
    {
        var token = Guid.NewGuid().ToString("N");
        context.Features.Get<PublicPageRequest>()?.FreshTokens.Add(token);
        return token;
    }

    /// <summary>The page changes at this moment by itself (a deadline): the cached response is not served after it.</summary>
    public static void ValidUntil(HttpContext context, DateTimeOffset until)
    {
        if (context.Features.Get<PublicPageRequest>() is { } request && (request.ValidUntil is null || until < request.ValidUntil))
        {
            request.ValidUntil = until;
        }
    }
}

/// <summary>The host's note on a request for a <see cref="PublicPageAttribute"/> page, read by the page.</summary>
public sealed class PublicPageRequest(string? contentKey)
{
    /// <summary>The public-content key read before the page ran, or null when it is unknown.</summary>
    public string? ContentKey { get; } = contentKey;

    /// <summary>The per-visitor tokens the page wrote (<see cref="PublicPage.FreshToken"/>).</summary>
    public List<string> FreshTokens { get; } = [];

    /// <summary>When the page changes by itself, if it said so.</summary>
    public DateTimeOffset? ValidUntil { get; set; }
}
