namespace Samordning.Ministries.Seed;

// The 15 ministries of 2019 and some of their agencies (shared/DOMAIN.md). Organisation numbers are left
// empty: real agencies' numbers are not invented here.
internal static class ReferenceData
{
    // The official Nynorsk names that differ from the Bokmål ones (regjeringen.no/nn); the other fourteen ministries'
    // names are the same in both (Kommunal- og moderniseringsdepartementet, Helse- og omsorgsdepartementet, …).
    public static IReadOnlyDictionary<string, string> NynorskNames { get; } = new Dictionary<string, string>
    {
        ["UD"] = "Utanriksdepartementet",
    };

    public static IReadOnlyList<(string Code, string NameNb, string NameEn, string[] Agencies)> Ministries { get; } =
    [
        ("ASD", "Arbeids- og sosialdepartementet", "Ministry of Labour and Social Affairs",
            ["Arbeids- og velferdsetaten (NAV)", "Arbeidstilsynet", "Statens pensjonskasse"]),
        ("BFD", "Barne- og familiedepartementet", "Ministry of Children and Families",
            ["Barne-, ungdoms- og familiedirektoratet (Bufdir)", "Forbrukertilsynet"]),
        ("FIN", "Finansdepartementet", "Ministry of Finance",
            ["Skatteetaten", "Direktoratet for økonomistyring (DFØ)", "Statistisk sentralbyrå (SSB)", "Finanstilsynet", "Tolletaten"]),
        ("FD", "Forsvarsdepartementet", "Ministry of Defence", ["Forsvarsbygg", "Forsvarsmateriell"]),
        ("HOD", "Helse- og omsorgsdepartementet", "Ministry of Health and Care Services",
            ["Helsedirektoratet", "Direktoratet for e-helse", "Folkehelseinstituttet", "Statens legemiddelverk"]),
        ("JD", "Justis- og beredskapsdepartementet", "Ministry of Justice and Public Security",
            ["Politidirektoratet", "Utlendingsdirektoratet", "Direktoratet for samfunnssikkerhet og beredskap (DSB)"]),
        ("KLD", "Klima- og miljødepartementet", "Ministry of Climate and Environment", ["Miljødirektoratet", "Riksantikvaren"]),
        ("KMD", "Kommunal- og moderniseringsdepartementet", "Ministry of Local Government and Modernisation",
            ["Direktoratet for forvaltning og IKT (Difi)", "Husbanken", "Kartverket", "Statsbygg",
             "Departementenes sikkerhets- og serviceorganisasjon (DSS)", "Direktoratet for byggkvalitet"]),
        ("KUD", "Kulturdepartementet", "Ministry of Culture", ["Arkivverket", "Nasjonalbiblioteket", "Medietilsynet"]),
        ("KD", "Kunnskapsdepartementet", "Ministry of Education and Research",
            ["Utdanningsdirektoratet", "Norges forskningsråd", "Statens lånekasse for utdanning"]),
        ("LMD", "Landbruks- og matdepartementet", "Ministry of Agriculture and Food", ["Landbruksdirektoratet", "Mattilsynet"]),
        ("NFD", "Nærings- og fiskeridepartementet", "Ministry of Trade, Industry and Fisheries",
            ["Innovasjon Norge", "Brønnøysundregistrene", "Fiskeridirektoratet", "Sjøfartsdirektoratet"]),
        ("OED", "Olje- og energidepartementet", "Ministry of Petroleum and Energy",
            ["Norges vassdrags- og energidirektorat (NVE)", "Oljedirektoratet"]),
        ("SD", "Samferdselsdepartementet", "Ministry of Transport and Communications",
            ["Statens vegvesen", "Jernbanedirektoratet", "Nasjonal kommunikasjonsmyndighet (Nkom)"]),
        ("UD", "Utenriksdepartementet", "Ministry of Foreign Affairs", ["Direktoratet for utviklingssamarbeid (Norad)"]),
    ];
}
