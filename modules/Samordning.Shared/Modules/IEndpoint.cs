using Microsoft.AspNetCore.Routing;

namespace Samordning.Shared.Modules;

/// <summary>
/// A vertical slice's HTTP mapping. Implementations are found by the host's Scrutor scan and mapped on the
/// <c>/api</c> group, which requires a signed-in, registered person unless the endpoint says otherwise.
/// </summary>
public interface IEndpoint
{
    /// <summary>Maps the slice's routes below <c>/api</c>.</summary>
    void MapEndpoint(IEndpointRouteBuilder api);
}
