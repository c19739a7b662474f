using System.Globalization;
using System.Xml;
using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Feedback.Journal;

// Writes journal entries as a Noark 5 arkivmelding: one saksmappe per case holding a journalpost per document, with
// Noark's own element names and the values it prescribes in words ("Inngående dokument", not "I"). What is filled and
// how is listed in docs/journal.md. The public variant screens every name the public may not see.
internal static class ArkivmeldingWriter
{
    public const string Namespace = "http://www.arkivverket.no/standarder/noark5/arkivmelding";
    private const string Instance = "http://www.w3.org/2001/XMLSchema-instance";
    private const string System = "Samordning";

    // A private person who did not agree to be named is named to the archive, and screened in any public journal.
    private const string PrivatePersonCode = "P";
    private const string PrivatePersonBasis = "Personvern: navn på privatperson uten samtykke til publisering";

    public static void Write(Stream stream, IReadOnlyList<JournalLine> lines, string administrativeUnit, bool publicVariant, DateTimeOffset now)
    {
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Async = false, CloseOutput = false });
        xml.WriteStartDocument();
        xml.WriteStartElement("arkivmelding", Namespace);
        xml.WriteAttributeString("xmlns", "xsi", null, Instance);
        Element(xml, "system", System);
        Element(xml, "meldingId", Guid.NewGuid().ToString());
        Element(xml, "tidspunkt", DateTime(now));

        // Metadata only: the documents themselves stay in Samordning, each reachable from the entry's system id.
        Element(xml, "antallFiler", "0");
        foreach (var journalCase in lines.GroupBy(l => l.Case.Id).OrderBy(g => g.First().Case.Year).ThenBy(g => g.First().Case.Sequence))
        {
            WriteCase(xml, journalCase.First().Case, [.. journalCase.OrderBy(l => l.DocumentNumber)], administrativeUnit, publicVariant);
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteCase(XmlWriter xml, JournalCaseInfo journalCase, IReadOnlyList<JournalLine> lines, string administrativeUnit, bool publicVariant)
    {
        var caseId = $"samordning-sak-{journalCase.Year}-{journalCase.Sequence}";
        xml.WriteStartElement("mappe", Namespace);
        xml.WriteAttributeString("xsi", "type", Instance, "saksmappe");
        Element(xml, "systemID", caseId);
        Element(xml, "tittel", journalCase.Title);
        Element(xml, "opprettetDato", DateTime(journalCase.OpenedAt));
        Element(xml, "opprettetAv", System);
        foreach (var line in lines)
        {
            WriteEntry(xml, line, caseId, publicVariant);
        }

        Element(xml, "saksaar", journalCase.Year.ToString(CultureInfo.InvariantCulture));
        Element(xml, "sakssekvensnummer", journalCase.Sequence.ToString(CultureInfo.InvariantCulture));
        Element(xml, "saksdato", Date(journalCase.OpenedAt));
        Element(xml, "administrativEnhet", administrativeUnit);
        Element(xml, "saksansvarlig", administrativeUnit);
        Element(xml, "saksstatus", "Under behandling");
        xml.WriteEndElement();
    }

    private static void WriteEntry(XmlWriter xml, JournalLine line, string caseId, bool publicVariant)
    {
        xml.WriteStartElement("basisregistrering", Namespace);
        xml.WriteAttributeString("xsi", "type", Instance, "journalpost");
        Element(xml, "systemID", line.SourceId.ToString());
        Element(xml, "opprettetDato", DateTime(line.JournalledAt));
        Element(xml, "opprettetAv", System);
        Element(xml, "referanseForelderMappe", caseId);
        var nameScreened = line.Party is not null && line.PublicParty is null;
        if (line.Exempt || nameScreened)
        {
            xml.WriteStartElement("skjerming", Namespace);
            Element(xml, "tilgangsrestriksjon", line.AccessCode ?? PrivatePersonCode);
            Element(xml, "skjermingshjemmel", line.ExemptionBasis ?? PrivatePersonBasis);
            Element(xml, "skjermingMetadata", "korrespondansepart");
            xml.WriteEndElement();
        }

        xml.WriteStartElement("dokumentbeskrivelse", Namespace);
        Element(xml, "systemID", $"{line.SourceId}-dok");
        Element(xml, "dokumenttype", line.Kind switch
        {
            JournalSourceKinds.Input => "Innspill",
            JournalSourceKinds.Minutes => "Referat",
            _ => "Presentasjon",
        });
        Element(xml, "dokumentstatus", "Dokumentet er ferdigstilt");
        Element(xml, "tittel", line.Title);
        Element(xml, "opprettetDato", DateTime(line.DocumentDate ?? line.JournalledAt));
        Element(xml, "opprettetAv", System);
        Element(xml, "tilknyttetRegistreringSom", "Hoveddokument");
        Element(xml, "dokumentnummer", "1");
        Element(xml, "tilknyttetDato", DateTime(line.JournalledAt));
        xml.WriteEndElement();

        Element(xml, "tittel", line.Title);
        Element(xml, "offentligTittel", line.Title);
        Element(xml, "journalaar", line.Year.ToString(CultureInfo.InvariantCulture));
        Element(xml, "journalsekvensnummer", line.Sequence.ToString(CultureInfo.InvariantCulture));
        Element(xml, "journalpostnummer", line.DocumentNumber.ToString(CultureInfo.InvariantCulture));
        Element(xml, "journalposttype", line.Direction == JournalDirection.Incoming ? "Inngående dokument" : "Organinternt dokument uten oppfølging");
        Element(xml, "journalstatus", "Journalført");
        Element(xml, "journaldato", Date(line.JournalledAt));
        if (line.DocumentDate is { } documentDate)
        {
            Element(xml, "dokumentetsDato", Date(documentDate));
            if (line.Direction == JournalDirection.Incoming)
            {
                Element(xml, "mottattDato", DateTime(documentDate));
            }
        }

        if (line.Party is { } party)
        {
            xml.WriteStartElement("korrespondansepart", Namespace);
            Element(xml, "korrespondanseparttype", line.Direction == JournalDirection.Incoming ? "Avsender" : "Intern avsender");
            Element(xml, "korrespondansepartNavn", publicVariant && nameScreened ? JournalLine.ScreenedName : party);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Element(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement(name, Namespace);
        xml.WriteString(PlainText.Normalize(value));
        xml.WriteEndElement();
    }

    private static string DateTime(DateTimeOffset instant) => Oslo.ToOslo(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Date(DateTimeOffset instant) => Oslo.DateOf(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
