using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Samordning.Host.Web;

// Behind a load balancer the connection comes from the balancer: X-Forwarded-For and X-Forwarded-Proto say who the
// citizen is (the public rate limit partitions by address) and that the request came over https (sign-in redirect
// addresses). The headers are believed only from the proxies named in ForwardedHeaders:KnownProxies (addresses) or
// :KnownNetworks (CIDR); anyone else could set them to dodge the rate limit. Nothing configured: headers ignored.
internal static class ProxyHeaders
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddSamordningProxyHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var (proxies, networks) = Read(configuration);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // ASP.NET Core trusts loopback by default; here only what the configuration names.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }

    // Only with a proxy configured: the middleware with empty lists would believe every sender.
    public static IApplicationBuilder UseSamordningProxyHeaders(this IApplicationBuilder app, IConfiguration configuration)
    {
        var (proxies, networks) = Read(configuration);
        return proxies.Count + networks.Count > 0 ? app.UseForwardedHeaders() : app;
    }

    private static (List<IPAddress> Proxies, List<System.Net.IPNetwork> Networks) Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = (section.GetSection("KnownProxies").Get<string[]>() ?? [])
            .Select(text => IPAddress.TryParse(text, out var address)
                ? address
                : throw new InvalidOperationException($"{Section}:KnownProxies has '{text}', which is not an IP address."))
            .ToList();
        var networks = (section.GetSection("KnownNetworks").Get<string[]>() ?? [])
            .Select(text => System.Net.IPNetwork.TryParse(text, out var network)
                ? network
                : throw new InvalidOperationException($"{Section}:KnownNetworks has '{text}', which is not a network in CIDR form (10.0.0.0/8)."))
            .ToList();
        return (proxies, networks);
    }
}
