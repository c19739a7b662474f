namespace Samordning.Host.DevIdentity;

// DevelopmentIdentity: the demo accounts of the bundled identity provider. Like any identity provider, it knows
// who people are, not what they may do; the people registry decides that.
internal sealed class DevelopmentIdentityOptions
{
    public const string Section = "DevelopmentIdentity";

    // The one password of every demo account (development only, from configuration).
    public string Password { get; init; } = "";

    // Extra origins allowed as redirect targets, besides the addresses the host listens on.
    public List<string> Origins { get; init; } = [];

    public List<DemoAccount> Accounts { get; init; } = [];
}

internal sealed class DemoAccount
{
    public string Subject { get; init; } = "";
    public string Name { get; init; } = "";
    public string Email { get; init; } = "";
    public string Description { get; init; } = "";
}
