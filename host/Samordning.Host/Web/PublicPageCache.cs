using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Caching.Memory;
using Samordning.Shared.Persistence;
using Samordning.Shared.Time;
using Samordning.Shared.Web;

namespace Samordning.Host.Web;

// Whole responses of the public pages ([PublicPage]) for anonymous visitors, at the deadline rush (issue 18). A page
// is rendered once per address, language and public-content key (the version, moved by every committed save of
// public content on any node, and the minute), and each visitor is then answered from the rendered bytes with their
// own per-visitor values put back in: the antiforgery request token (the language form, the input form) made for
// them with their cookie, and any token the page made with PublicPage.FreshToken (the form's idempotency key).
// Only anonymous GETs answered 200 with HTML are cached or served from the cache; a signed-in person or a guest is
// always rendered for (their menu, their name), and so is an address with a query the page does not read.
internal sealed class PublicPageCache(IAntiforgery antiforgery, PublicContentVersions versions, IClock clock) : IDisposable
{
    // Bounded by bytes, so addresses that differ only in case cannot fill the memory.
    private const long MaxBytes = 64L * 1024 * 1024;

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    // A language chosen in the address (request localization reads it) is part of the key like the rest of the query.
    private static readonly string[] LanguageQuery = ["culture", "ui-culture"];

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxBytes });

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<PublicPageAttribute>() is not { } page)
        {
            await next(context);
            return;
        }

        var now = clock.UtcNow;
        var contentKey = await versions.KeyAsync(now, context.RequestAborted);
        var request = new PublicPageRequest(contentKey);
        context.Features.Set(request);
        if (contentKey is null || !HttpMethods.IsGet(context.Request.Method) || context.User.Identity?.IsAuthenticated == true
            || context.Request.Query.Keys.Any(k => !page.Query.Contains(k, StringComparer.Ordinal) && !LanguageQuery.Contains(k, StringComparer.Ordinal)))
        {
            await next(context);
            return;
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"{context.Request.Path}{context.Request.QueryString}|{CultureInfo.CurrentCulture.Name}|{CultureInfo.CurrentUICulture.Name}|{contentKey}");
        if (cache.TryGetValue(key, out CachedPage? cached) && cached!.ValidUntil > now)
        {
            await cached.WriteAsync(context, antiforgery);
            return;
        }

        // The token the page will write (the antiforgery feature keeps it for the request), so it can be found again.
        var token = antiforgery.GetAndStoreTokens(context).RequestToken;
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode == StatusCodes.Status200OK && context.Response.ContentType is { } type
            && type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
        {
            var until = request.ValidUntil is { } by && by < now + Lifetime ? by : now + Lifetime;
            var entry = CachedPage.Split(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), type, token, request.FreshTokens, until);
            cache.Set(key, entry, new MemoryCacheEntryOptions { Size = entry.Bytes, AbsoluteExpiration = until });
        }

        if (!context.Response.HasStarted)
        {
            context.Response.ContentLength = buffer.Length;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    public void Dispose() => cache.Dispose();

    internal enum Hole
    {
        Antiforgery,
        Fresh,
    }

    // The rendered page cut at each per-visitor value: Parts[i] is followed by Holes[i] (the last part by nothing).
    internal sealed class CachedPage(string contentType, byte[][] parts, Hole[] holes, DateTimeOffset validUntil)
    {
        public DateTimeOffset ValidUntil => validUntil;

        public long Bytes { get; } = parts.Sum(p => (long)p.Length) + 256;

        public static CachedPage Split(ReadOnlySpan<byte> body, string contentType, string? antiforgeryToken, List<string> freshTokens, DateTimeOffset validUntil)
        {
            var text = Encoding.UTF8.GetString(body);
            var found = new List<(int At, int Length, Hole Hole)>();
            Find(text, antiforgeryToken, Hole.Antiforgery, found);
            foreach (var fresh in freshTokens)
            {
                Find(text, fresh, Hole.Fresh, found);
            }

            found.Sort((a, b) => a.At.CompareTo(b.At));
            var parts = new List<byte[]>();
            var at = 0;
            foreach (var (start, length, _) in found)
            {
                parts.Add(Encoding.UTF8.GetBytes(text[at..start]));
                at = start + length;
            }

            parts.Add(Encoding.UTF8.GetBytes(text[at..]));
            return new CachedPage(contentType, [.. parts], [.. found.Select(f => f.Hole)], validUntil);
        }

        public async Task WriteAsync(HttpContext context, IAntiforgery antiforgery)
        {
            // Made for this visitor, as the rendered page would: the cookie token set if they have none.
            var token = holes.Contains(Hole.Antiforgery) ? antiforgery.GetAndStoreTokens(context).RequestToken ?? string.Empty : string.Empty;
            var values = holes.Select(h => Encoding.UTF8.GetBytes(h == Hole.Antiforgery ? token : Guid.NewGuid().ToString("N"))).ToArray();
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = contentType;
            context.Response.ContentLength = parts.Sum(p => (long)p.Length) + values.Sum(v => (long)v.Length);
            var writer = context.Response.BodyWriter;
            for (var i = 0; i < parts.Length; i++)
            {
                writer.Write(parts[i]);
                if (i < values.Length)
                {
                    writer.Write(values[i]);
                }
            }

            await writer.FlushAsync(context.RequestAborted);
        }

        private static void Find(string text, string? value, Hole hole, List<(int, int, Hole)> found)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
            {
                found.Add((at, value.Length, hole));
            }
        }
    }
}

internal static class PublicPageCaching
{
    public static IServiceCollection AddPublicPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration["Redis:Configuration"] is { Length: > 0 } redis)
        {
            services.AddSingleton<ISharedPublicContentVersion>(_ => new RedisPublicContentVersion(redis));
        }

        return services.AddSingleton<PublicPageCache>();
    }

    public static IApplicationBuilder UsePublicPageCache(this IApplicationBuilder app)
    {
        var cache = app.ApplicationServices.GetRequiredService<PublicPageCache>();
        return app.Use(next => context => cache.InvokeAsync(context, next));
    }
}
