namespace Samordning.Shared.Security;

/// <summary>Role names. They come from the people registry, never from the identity provider.</summary>
public static class Roles
{
    /// <summary>The KMD team: owns the white-paper process.</summary>
    public const string Coordinator = "Coordinator";

    /// <summary>A ministry's contact person, scoped to that ministry.</summary>
    public const string ContactPerson = "ContactPerson";

    /// <summary>Runs meetings, scoped to the meetings they facilitate.</summary>
    public const string Facilitator = "Facilitator";

    /// <summary>Reads what they are allowed to.</summary>
    public const string Observer = "Observer";

    /// <summary>Manages people, roles, ministries and agencies; sees background jobs.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Every role, in the order pages list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Coordinator, ContactPerson, Facilitator, Observer, Administrator];
}

/// <summary>Claim types the host adds from the people registry.</summary>
public static class SamordningClaims
{
    /// <summary>The person's id in the registry.</summary>
    public const string PersonId = "samordning:person";

    /// <summary>The person's ministry id, when they belong to one.</summary>
    public const string MinistryId = "samordning:ministry";

    /// <summary>The person's display name from the registry.</summary>
    public const string Name = "samordning:name";

    /// <summary>The person's preferred language in the registry: "nb", "nn" or "en".</summary>
    public const string Language = "samordning:language";
}

/// <summary>Authorization policy names the host defines.</summary>
public static class Policies
{
    /// <summary>Signed in and found in the people registry (the default for every page and endpoint).</summary>
    public const string RegisteredPerson = "RegisteredPerson";

    /// <summary>Administrators and coordinators: manage the registry.</summary>
    public const string ManageRegistry = "ManageRegistry";

    /// <summary>Administrators only.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Coordinators only.</summary>
    public const string Coordinator = "Coordinator";
}
