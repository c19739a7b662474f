namespace Samordning.Tests.Workstreams.Overlaps;

// The labelled set the overlap finder is measured on (issue 17): realistic initiatives of different ministries,
// in Bokmål and Nynorsk. "=" lines pair near-duplicates written differently (the same work, which the finder
// should suggest); "≠" lines pair initiatives that share words but are different work (which it should not).
// Initiatives in no pair are further distractors. Each initiative: key | ministry | title | description | tags.
internal static class OverlapLabelledSet
{
    public const string Text = """
        A1 | KD | Flere barnehageplasser i distriktskommuner | Tilskudd til kommuner som oppretter nye plasser i barnehage der ventelistene er lange. | barnehage;distrikt
        A2 | KDD | Utbygging av plass i barnehage i små kommuner | Kommunal- og distriktsdepartementet vil gi små kommuner støtte til å bygge ut barnehageplasser slik at familier kan bli boende. | barnehager;kommuner
        B1 | HOD | Digital hjemmeoppfølging av kronisk syke | Pasienter med kols, diabetes og hjertesvikt følges opp hjemme med måleutstyr og videokonsultasjon. | helse;velferdsteknologi
        B2 | KDD | Velferdsteknologi for oppfølging av pasienter i eget hjem | Kommunene tar i bruk digitale løsninger for å følge opp kronisk sjuke pasientar heime, mellom anna med kols og diabetes. | velferdsteknologi;kommunehelse
        C1 | ASD | Sammenhengende tjenester for unge utenfor arbeidslivet | NAV, kommunen og helsetjenesten samarbeider om én plan for unge som står utenfor arbeid og utdanning. | unge;arbeid;utenforskap
        C2 | KD | Samordna oppfølging av unge som fell utanfor skule og arbeid | Ei felles plan mellom skule, NAV og helseteneste skal hjelpe ungdom som står utanfor utdanning og arbeidsliv. | ungdom;utanforskap
        D1 | JD | Digital anmeldelse av vinningskriminalitet | Innbyggere skal kunne anmelde tyveri og bedrageri digitalt uten å møte opp hos politiet. | politi;selvbetjening
        D2 | DFD | Selvbetjent løsning for å anmelde tyveri og svindel på nett | Politiet får en nettløsning der folk melder fra om tyverier og svindel selv, uten oppmøte. | politiet;digitalisering
        E1 | KLD | Kartlegging av klimarisiko i kommunal infrastruktur | Kommunene får veiledning og data for å vurdere hvordan flom og skred truer vann, avløp og veier. | klimatilpasning;infrastruktur
        E2 | KDD | Klimatilpasning av vann- og avløpsanlegg | Verktøy som hjelper kommunene å kartlegge risiko for flom og overvann i vannforsyning og avløp. | klima;vann og avløp
        F1 | NFD | Forenklet rapportering for små bedrifter | Næringslivet skal rapportere opplysninger én gang til det offentlige, og etatene deler dataene seg imellom. | næringsliv;forenkling;deling av data
        F2 | FIN | Kun én gang-prinsippet for næringsdrivende | Skatteetaten og Brønnøysundregistrene gjenbruker innrapporterte data slik at bedrifter slipper å levere det samme flere ganger. | bedrifter;datadeling
        G1 | SD | Sanntidsinformasjon om kollektivtrafikk i hele landet | Én nasjonal løsning for rutedata og sanntid for buss, tog og båt, åpen for alle reiseplanleggere. | kollektivtransport;åpne data
        G2 | KDD | Felles reiseplanlegger for buss og båt i distrikta | Fylka samarbeider om ruteopplysningar i sanntid for kollektivtrafikk, òg for båtruter i distrikta. | kollektivtrafikk;distrikt
        H1 | HOD | Kunstig intelligens i radiologi | Pilot der KI støtter radiologer i å tolke røntgenbilder for å korte ned ventetiden. | kunstig intelligens;sykehus
        H2 | DFD | Maskinlæring for bildediagnostikk på sykehus | Sykehusene prøver ut maskinlæringsmodeller som hjelper radiologene å vurdere røntgen- og CT-bilder raskere. | KI;helse
        I1 | KUD | Digitalisering av kulturarv i museene | Museene digitaliserer gjenstander og fotografier og gjør dem tilgjengelige for publikum på nett. | kulturarv;museum
        I2 | KD | Nettilgang til samlingar i museum og arkiv for skuleelevar | Museum og arkiv gjer digitaliserte samlingar tilgjengelege for undervisning i skulen. | kulturarv;skule
        J1 | LMD | Digital dyrehelseattest ved eksport | Mattilsynet utsteder helseattester for dyr digitalt, slik at eksportører slipper papirskjema. | eksport;mattilsynet
        J2 | NFD | Elektroniske veterinærsertifikater for eksport av sjømat og dyr | Eksportnæringen får elektroniske sertifikater fra Mattilsynet i stedet for papir. | eksport;sjømat
        K1 | ASD | Ny digital søknad om uføretrygd | NAV forenkler søknaden om uføretrygd med forhåndsutfylte opplysninger fra helsevesenet. | nav;trygd
        K2 | HOD | Legeerklæringer sendes direkte til NAV ved søknad om uføretrygd | Fastlegene sender erklæringar elektronisk slik at søknaden om uføretrygd blir fylt ut automatisk. | fastlege;nav
        L1 | JD | Digital oppfølging av straffedømte i samfunnet | Kriminalomsorgen bruker elektronisk kontroll og app-basert oppfølging av domfelte som soner utenfor fengsel. | kriminalomsorg;rehabilitering
        L2 | KDD | Kommunal oppfølging av løslatte etter soning | Kommunene samarbeider med kriminalomsorgen om bolig, arbeid og oppfølging etter løslatelse. | tilbakeføring;bolig
        M1 | KLD | Sirkulær økonomi i offentlige innkjøp | Statlige innkjøpere stiller krav om gjenbruk og ombruk av møbler og IT-utstyr. | sirkulær økonomi;innkjøp
        M2 | DFD | Ombruk av brukt IT-utstyr i staten | Digitaliseringsdirektoratet lager en avtale slik at statlige virksomheter kan gjenbruke PC-er og skjermer i stedet for å kjøpe nytt. | gjenbruk;innkjøp;it-utstyr
        N1 | KD | Digital eksamen i videregående skole | Alle skriftlige eksamener i videregående gjennomføres digitalt med felles prøvesystem. | eksamen;skole
        N2 | KDD | Fylkeskommunane si felles løysing for digitale eksamenar | Fylkeskommunane samarbeider om eit felles system for eksamen på datamaskin i vidaregåande opplæring. | eksamen;vidaregåande
        O1 | FIN | Bedre innkreving av offentlige krav | Statens innkrevingssentral og kommunene samordner innkrevingen slik at skyldnere får én oversikt over gjelden. | innkreving;gjeld
        O2 | KDD | Felles skyldneroversikt for kommunal og statlig innkreving | Innbyggere med gjeld til både kommunen og staten får én samlet oversikt og én betalingsavtale. | gjeld;kommune
        P1 | BFD | Digital søknad om foreldrepenger for selvstendig næringsdrivende | Selvstendige får en forenklet digital søknad om foreldrepenger med inntekt hentet fra Skatteetaten. | foreldrepenger;selvstendig
        P2 | ASD | Forenkla foreldrepengesøknad for sjølvstendig næringsdrivande | NAV hentar inntektsopplysningar automatisk slik at sjølvstendige slepp å dokumentere inntekta si. | foreldrepengar;nav
        Q1 | HOD | Nasjonal løsning for timebestilling hos fastlegen | Pasienter bestiller time, fornyer resepter og sender meldinger til fastlegen i én løsning. | fastlege;helsenorge
        Q2 | DFD | Timebestilling til allmennlege på Helsenorge | Innbyggerne kan bestille legetime og fornye resept hos fastlegekontoret via helsenorge.no. | helsenorge;timebestilling
        R1 | LMD | Tiltak mot skogbrann med droner | Bruk av droner med varmekamera for å oppdage skogbranner tidlig i tørre perioder. | skogbrann;droner
        R2 | JD | Dronar for tidleg varsling av skogbrannar | Brannvesenet og Sivilforsvaret tek i bruk dronar med termisk kamera for å finne skogbrannar tidleg. | brannvesen;beredskap
        S1 | KDD | Bredbånd til alle husstander i distriktene | Statlig tilskudd til fiberutbygging der det ikke er kommersielt lønnsomt. | bredbånd;distrikt
        S2 | DFD | Utbygging av fiber i område utan kommersiell dekning | Støtteordning for høghastigheitsbreiband til husstandar i grisgrendte strøk. | breiband;fiber
        T1 | KD | Mobbeombud i alle fylker | Elever og foreldre får et uavhengig ombud som hjelper i saker om mobbing i barnehage og skole. | mobbing;skolemiljø
        T2 | BFD | Hjelp til barn som blir mobbet | Et lavterskeltilbud der barn og foreldre får råd og hjelp når barnet blir mobbet på skolen. | barn;mobbing
        U1 | NFD | Digital tvilling av havnene | Kystverket og havnene lager digitale tvillinger for å planlegge anløp og redusere utslipp. | havn;digital tvilling
        U2 | SD | Digital modell av havneområder for smartere anløp | Samferdselsdepartementet støtter havner som bygger digitale modeller av havneområdet for å styre skipstrafikk og kutte utslipp. | havner;utslipp
        V1 | KUD | Frivillighetsregister med enklere rapportering for lag og foreninger | Frivillige organisasjoner rapporterer én gang og søker momskompensasjon enklere. | frivillighet;forenkling
        V2 | FIN | Forenkla momskompensasjon for frivillige organisasjonar | Lag og organisasjonar søkjer kompensasjon for meirverdiavgift med data frå Frivilligregisteret. | frivilligheit;mva
        W1 | HOD | Bemanning i eldreomsorgen | Rekruttering og kompetanseheving av helsefagarbeidere i sykehjem og hjemmetjenester. | eldreomsorg;rekruttering
        W2 | KDD | Rekruttere helsefagarbeidarar til kommunale omsorgstenester | Kommunane får hjelp til å rekruttere og behalde helsefagarbeidarar i sjukeheimar og heimetenester. | omsorg;rekruttering
        X1 | JD | Felles nødnummer for politi, brann og ambulanse | Utredning av ett nødnummer 112 for alle nødetater med felles nødsentral. | nødnummer;beredskap
        X2 | HOD | Samlokaliserte nødmeldesentraler | Helse, brann og politi deler lokaler og teknologi i felles nødmeldesentraler. | nødmelding;beredskap
        Y1 | ASD | Kvalifisering av innvandrere til arbeid | Introduksjonsprogrammet kobles tettere mot arbeidsgivere med språkpraksis i bedrift. | integrering;arbeid
        Y2 | KD | Språkopplæring på arbeidsplassen for nyankomne innvandrere | Norskopplæring kombineres med praksis hos arbeidsgivere for å få flere innvandrere i jobb. | integrering;norskopplæring
        Z1 | KLD | Elektrifisering av anleggsplasser | Krav og tilskudd for utslippsfrie bygge- og anleggsplasser i offentlige prosjekter. | utslippsfri;anlegg
        Z2 | KDD | Utsleppsfrie byggjeplassar i kommunale byggjeprosjekt | Kommunane stiller krav om elektriske anleggsmaskinar på byggjeplassar. | utsleppsfri;bygg
        AA1 | KDD | Digitalt planregister i alle kommuner | Alle arealplaner gjøres tilgjengelige i et digitalt planregister med kart. | plan;kart
        AA2 | KLD | Nasjonal tilgang til kommunale arealplaner | Innbyggere og utbyggere finner gjeldende reguleringsplaner for hele landet i én kartløsning. | arealplan;kart
        AB1 | FD | Cybersikkerhet i kommunene | Opplæring og felles varsling om dataangrep for kommunale IT-systemer. | informasjonssikkerhet;kommune
        AB2 | JD | Nasjonalt senter for digital sikkerheit i kommunane | Kommunane får ei felles teneste for å oppdage og handtere dataangrep. | digital sikkerheit;kommunar
        AC1 | HOD | Pakkeforløp for psykisk helse hos barn | Raskere og mer sammenhengende behandling for barn og unge med psykiske plager. | psykisk helse;barn og unge
        AC2 | BFD | Betre hjelp til born og unge med psykiske vanskar | Barnevern, skule og helseteneste samarbeider om raskare behandling av psykiske plager hos born og unge. | psykisk helse;born
        AD1 | LMD | Kortreist mat i offentlige kantiner | Offentlige virksomheter kjøper mer lokal mat til kantiner og sykehus. | lokalmat;innkjøp
        AD2 | HOD | Lokalprodusert mat på sykehusene | Sykehusene legger til rette for innkjøp av kortreist mat i kantiner og pasientmåltider. | mat;sykehus
        X01 | DFD | Felles digital postkasse for innbyggere | Innbyggerne får all post fra det offentlige i én digital postkasse. | digital post
        X02 | FIN | Digital skattemelding for personlig næringsdrivende | Skattemeldingen for enkeltpersonforetak fylles ut automatisk. | skatt
        X03 | KD | Digitale læremidler i grunnskolen | Skolene får tilskudd til kjøp av digitale læremidler. | læremidler;skole
        X04 | KDD | Kommunereform og interkommunalt samarbeid | Utredning av nye former for samarbeid mellom kommuner om tjenester. | kommune;samarbeid
        X05 | NFD | Eksportstrategi for havbruk | Økt eksport av laks og ørret til nye markeder. | eksport;havbruk
        X06 | SD | Vedlikehold av fylkesveier | Økte midler til vedlikehold av veier i fylkene. | veg;vedlikehold
        X07 | JD | Digitale straffesaker i domstolene | Straffesaker behandles digitalt fra anmeldelse til dom. | domstol;digitalisering
        X08 | KUD | Tilskudd til lokale kulturhus | Midler til oppgradering av kulturhus i små kommuner. | kultur;kommune
        X09 | HOD | Digital helsekort for gravide | Gravide får helsekortet sitt digitalt på Helsenorge. | svangerskap;helsenorge
        X10 | ASD | Arbeidsmiljø i barnehager | Arbeidstilsynet fører tilsyn med støy og arbeidsbelastning i barnehager. | arbeidsmiljø;barnehage
        X11 | KLD | Vannmiljø i innsjøer og elver | Overvåking av vannkvalitet og tiltak mot forurensning i vassdrag. | vannmiljø
        X12 | FD | Digital opplæring av vernepliktige | Forsvaret tar i bruk digitale kurs i førstegangstjenesten. | forsvar;opplæring
        X13 | BFD | Digital søknad om barnetrygd | Barnetrygd innvilges automatisk ved fødsel. | barnetrygd
        X14 | LMD | Digital kartlegging av beiteområder | Kart over beiteområder for sau og rein. | landbruk;kart
        X15 | UD | Digital konsulattjeneste for nordmenn i utlandet | Pass og nødpass kan bestilles digitalt fra ambassader. | konsulat;pass
        X16 | KDD | Boligsosialt arbeid i kommunene | Husbanken hjelper kommunene med boliger til vanskeligstilte. | bolig;husbanken
        X17 | DFD | Felles plattform for offentlige chatboter | Offentlige virksomheter deler en plattform for chatboter i kundeservice. | KI;kundeservice
        X18 | SD | Tog i rute – bedre punktlighet | Tiltak for å bedre punktligheten på jernbanen. | jernbane
        X19 | HOD | Legemiddelmangel – bedre beredskap | Økte beredskapslagre for viktige legemidler. | legemidler;beredskap
        X20 | KD | Forskning på kunstig intelligens ved universitetene | Nye stipendiatstillinger innen kunstig intelligens. | forskning;KI

        = A1 A2
        = B1 B2
        = C1 C2
        = D1 D2
        = E1 E2
        = F1 F2
        = G1 G2
        = H1 H2
        = I1 I2
        = J1 J2
        = K1 K2
        ≠ L1 L2
        = M1 M2
        = N1 N2
        = O1 O2
        = P1 P2
        = Q1 Q2
        = R1 R2
        = S1 S2
        = T1 T2
        = U1 U2
        = V1 V2
        = W1 W2
        = X1 X2
        = Y1 Y2
        = Z1 Z2
        = AA1 AA2
        = AB1 AB2
        = AC1 AC2
        = AD1 AD2
        ≠ A1 X10
        ≠ B1 X09
        ≠ D1 X07
        ≠ H1 X20
        ≠ H2 X17
        ≠ J1 X05
        ≠ N1 X03
        ≠ Q1 X09
        ≠ AA1 X14
        ≠ X1 X19
        ≠ E2 X11
        ≠ L2 X16
        ≠ X01 X13
        ≠ K1 X13
        ≠ AB1 X04
        """;
}
