using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Samordning.Shared.Text;

namespace Samordning.Host.Process;

// The process as an Atom 1.0 feed (RFC 4287): one entry per published step, its id a name-based UUID of the step's
// key (so it never changes), "updated" the step's last change, and nothing in it that depends on the request's time,
// so an unchanged process gives the same bytes and the feed reader's conditional request gets 304.
internal static class ProcessAtom
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static string Write(ProcessSnapshot process, string baseUrl)
    {
        var feed = new XElement(
            Atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", Localized.Language),
            Text("title", Localized.T("Stortingsmeldingen om innovasjon i offentlig sektor: prosessen", "The white paper on innovation in the public sector: the process")),
            Text("subtitle", Localized.T("Milepæler, møter, innspillsrunder og KMDs svar på innspill.", "Milestones, meetings, input rounds and KMD's responses to input.")),
            new XElement(Atom + "id", $"urn:uuid:{NameUuid("prosess")}"),
            new XElement(Atom + "updated", Instant(process.LastUpdated)),
            Link("self", $"{baseUrl}/prosess/feed.atom", "application/atom+xml"),
            Link("alternate", $"{baseUrl}/prosess", "text/html"),
            new XElement(Atom + "author", Text("name", Localized.T("Kommunal- og moderniseringsdepartementet", "Ministry of Local Government and Modernisation"))),
            new XElement(Atom + "generator", "Samordning"));

        // Newest change first, as readers list them.
        foreach (var e in process.Events.OrderByDescending(e => e.UpdatedAt).ThenBy(e => e.Key, StringComparer.Ordinal))
        {
            var kind = ProcessTexts.Kind(e.Kind).ToString();
            var lines = new List<string> { $"{kind} · {ProcessTexts.When(e)}" + (e.Status is { } status ? $" · {status}" : "") };
            if (e.Summary is { } summary)
            {
                lines.Add(summary.ToString());
            }

            lines.AddRange(e.Links.Select(l => $"{l.Text}: {Absolute(baseUrl, l.Href)}"));
            feed.Add(new XElement(
                Atom + "entry",
                new XElement(Atom + "id", $"urn:uuid:{NameUuid(e.Key)}"),
                Text("title", e.Title.ToString()),
                new XElement(Atom + "updated", Instant(e.UpdatedAt)),
                Link("alternate", Absolute(baseUrl, e.Href), null),
                new XElement(Atom + "category", new XAttribute("term", e.Kind.ToString()), new XAttribute("label", PlainText.Safe(kind))),
                Text("summary", string.Join("\n\n", lines))));
        }

        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), feed);
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            document.Save(writer);
        }

        // The StringBuilder writer declares utf-16; the bytes go out as UTF-8, as the header says.
        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    public static string Absolute(string baseUrl, string href) =>
        Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? href : $"{baseUrl}{href}";

    // Text constructs carry only characters XML allows (a stored control character would make the feed unreadable).
    private static XElement Text(string name, string value) => new(Atom + name, new XAttribute("type", "text"), PlainText.Safe(value));

    private static XElement Link(string rel, string href, string? type)
    {
        var link = new XElement(Atom + "link", new XAttribute("rel", rel), new XAttribute("href", href));
        if (type is not null)
        {
            link.Add(new XAttribute("type", type));
        }

        return link;
    }

    private static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // A name-based (version 5, SHA-1) UUID of the key, in a namespace of our own: the same key gives the same id forever.
    private static Guid NameUuid(string key)
    {
        var name = Encoding.UTF8.GetBytes($"samordning:process:{key}");
#pragma warning disable CA5350 // RFC 9562 defines version 5 UUIDs with SHA-1; no security rests on it
        var hash = SHA1.HashData(name);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
