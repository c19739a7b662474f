using Samordning.Ministries.Ministries;

namespace Samordning.Ministries.Pages.Departementer;

// What the ministry form posts. Version is the version the person started from.
internal sealed class MinistryForm
{
    public string? Code { get; set; }
    public string? NameNb { get; set; }
    public string? NameEn { get; set; }
    public string? NameNn { get; set; }
    public bool Active { get; set; } = true;
    public long? Version { get; set; }

    public MinistryRequest ToRequest() => new(Code, NameNb, NameEn, Active, Version, NameNn);

    public static MinistryForm From(MinistryDetails ministry) => new()
    {
        Code = ministry.Code,
        NameNb = ministry.NameNb,
        NameEn = ministry.NameEn,
        NameNn = ministry.NameNn,
        Active = ministry.Active,
        Version = ministry.Version,
    };
}
