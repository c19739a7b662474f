using System.Globalization;
using System.IO.Compression;
using System.Xml;
using Samordning.Shared.Text;

namespace Samordning.Shared.Export;

/// <summary>
/// A one-sheet Excel workbook, written part by part as Excel itself writes it: the default namespace (no
/// <c>x:</c> prefix, which some readers cannot follow), cell references on every row and cell, and the document
/// properties (docProps/core.xml and app.xml) with their relationships and content types. Every cell is a string or a number, never a
/// formula, so text that looks like a formula stays text; every text goes through <see cref="PlainText.Safe"/>, so
/// any stored text, however old, makes a valid workbook.
/// </summary>
public static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    private const int MaxCellText = 32_767;

    private static readonly XmlWriterSettings Settings = new() { Encoding = new System.Text.UTF8Encoding(false) };

    /// <summary>Writes a workbook with a bold header row and the rows. A cell that is a number is written as a number.</summary>
    public static void Write(Stream stream, string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var name = SheetName(sheetName);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);

        Part(zip, "[Content_Types].xml", ContentTypes);
        Part(zip, "_rels/.rels", xml => Rels(xml, ("rId1", Relationships + "/officeDocument", "xl/workbook.xml"), ("rId2", PackageRelationships + "/metadata/core-properties", "docProps/core.xml"), ("rId3", Relationships + "/extended-properties", "docProps/app.xml")));
        Part(zip, "docProps/core.xml", xml => Core(xml, name));
        Part(zip, "docProps/app.xml", xml => App(xml, name));
        Part(zip, "xl/workbook.xml", xml => Workbook(xml, name));
        Part(zip, "xl/_rels/workbook.xml.rels", xml => Rels(xml, ("rId1", Relationships + "/worksheet", "worksheets/sheet1.xml"), ("rId2", Relationships + "/styles", "styles.xml")));
        Part(zip, "xl/styles.xml", Styles);
        Part(zip, "xl/worksheets/sheet1.xml", xml => Sheet(xml, headers, rows));
    }

    // Excel's limits for a sheet name: at most 31 characters, none of : \ / ? * [ ].
    private static string SheetName(string sheetName)
    {
        var name = new string([.. PlainText.Safe(sheetName).Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']' or '\n' or '\t'))]).Trim();
        name = name.Length == 0 ? "Sheet1" : name;
        return name.Length > 31 ? name[..31] : name;
    }

    private static void Part(ZipArchive zip, string path, Action<XmlWriter> write)
    {
        using var entry = zip.CreateEntry(path, CompressionLevel.Optimal).Open();
        using var xml = XmlWriter.Create(entry, Settings);
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }

    private static void Sheet(XmlWriter xml, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        xml.WriteStartElement("worksheet", Main);
        xml.WriteAttributeString("xmlns", "r", null, Relationships);
        xml.WriteStartElement("sheetViews");
        xml.WriteStartElement("sheetView");
        xml.WriteAttributeString("workbookViewId", "0");
        // The header row stays in view while scrolling.
        Empty(xml, "pane", ("ySplit", "1"), ("topLeftCell", "A2"), ("activePane", "bottomLeft"), ("state", "frozen"));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("sheetData");
        Row(xml, 1, headers, style: 1);
        var number = 1;
        foreach (var row in rows)
        {
            Row(xml, ++number, row, style: 0);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Row<T>(XmlWriter xml, int number, IReadOnlyList<T> values, int style)
    {
        var r = number.ToString(CultureInfo.InvariantCulture);
        xml.WriteStartElement("row");
        xml.WriteAttributeString("r", r);
        for (var column = 0; column < values.Count; column++)
        {
            var value = values[column];
            xml.WriteStartElement("c");
            xml.WriteAttributeString("r", ColumnName(column) + r);
            if (style != 0)
            {
                xml.WriteAttributeString("s", style.ToString(CultureInfo.InvariantCulture));
            }

            if (value is int or long or decimal or double)
            {
                xml.WriteAttributeString("t", "n");
                xml.WriteElementString("v", Convert.ToString(value, CultureInfo.InvariantCulture));
            }
            else
            {
                // An inline string: the text sits in the cell, so nothing a reader must look up elsewhere.
                xml.WriteAttributeString("t", "inlineStr");
                xml.WriteStartElement("is");
                Text(xml, Convert.ToString(value, CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    // 0 → A, 25 → Z, 26 → AA.
    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static void Workbook(XmlWriter xml, string sheetName)
    {
        xml.WriteStartElement("workbook", Main);
        xml.WriteAttributeString("xmlns", "r", null, Relationships);
        xml.WriteStartElement("sheets");
        xml.WriteStartElement("sheet");
        xml.WriteAttributeString("name", sheetName);
        xml.WriteAttributeString("sheetId", "1");
        xml.WriteAttributeString("id", Relationships, "rId1");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    // Normal text, and bold for the header row (cellXfs 0 and 1).
    private static void Styles(XmlWriter xml)
    {
        xml.WriteStartElement("styleSheet", Main);
        xml.WriteStartElement("fonts");
        xml.WriteAttributeString("count", "2");
        Font(xml, bold: false);
        Font(xml, bold: true);
        xml.WriteEndElement();
        xml.WriteStartElement("fills");
        xml.WriteAttributeString("count", "2");
        foreach (var pattern in new[] { "none", "gray125" })
        {
            xml.WriteStartElement("fill");
            Empty(xml, "patternFill", ("patternType", pattern));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteStartElement("borders");
        xml.WriteAttributeString("count", "1");
        xml.WriteStartElement("border");
        foreach (var side in new[] { "left", "right", "top", "bottom", "diagonal" })
        {
            xml.WriteElementString(side, "");
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("cellStyleXfs");
        xml.WriteAttributeString("count", "1");
        Xf(xml, font: 0, inStyle: false);
        xml.WriteEndElement();
        xml.WriteStartElement("cellXfs");
        xml.WriteAttributeString("count", "2");
        Xf(xml, font: 0, inStyle: true);
        Xf(xml, font: 1, inStyle: true);
        xml.WriteEndElement();
        xml.WriteStartElement("cellStyles");
        xml.WriteAttributeString("count", "1");
        Empty(xml, "cellStyle", ("name", "Normal"), ("xfId", "0"), ("builtinId", "0"));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    // An element with attributes and no content: <pane ySplit="1" … />.
    private static void Empty(XmlWriter xml, string name, params (string Name, string Value)[] attributes)
    {
        xml.WriteStartElement(name);
        foreach (var (attribute, value) in attributes)
        {
            xml.WriteAttributeString(attribute, value);
        }

        xml.WriteEndElement();
    }

    private static void Font(XmlWriter xml, bool bold)
    {
        xml.WriteStartElement("font");
        if (bold)
        {
            xml.WriteElementString("b", "");
        }

        Empty(xml, "sz", ("val", "11"));
        Empty(xml, "name", ("val", "Calibri"));
        Empty(xml, "family", ("val", "2"));
        xml.WriteEndElement();
    }

    private static void Xf(XmlWriter xml, int font, bool inStyle)
    {
        xml.WriteStartElement("xf");
        xml.WriteAttributeString("numFmtId", "0");
        xml.WriteAttributeString("fontId", font.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("fillId", "0");
        xml.WriteAttributeString("borderId", "0");
        if (inStyle)
        {
            xml.WriteAttributeString("xfId", "0");
        }

        if (font != 0)
        {
            xml.WriteAttributeString("applyFont", "1");
        }

        xml.WriteEndElement();
    }

    private static void ContentTypes(XmlWriter xml)
    {
        const string Ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        xml.WriteStartElement("Types", Ns);
        foreach (var (extension, type) in new[] { ("rels", "application/vnd.openxmlformats-package.relationships+xml"), ("xml", "application/xml") })
        {
            xml.WriteStartElement("Default", Ns);
            xml.WriteAttributeString("Extension", extension);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }

        foreach (var (part, type) in new[]
        {
            ("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
            ("/xl/worksheets/sheet1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"),
            ("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        })
        {
            xml.WriteStartElement("Override", Ns);
            xml.WriteAttributeString("PartName", part);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Rels(XmlWriter xml, params (string Id, string Type, string Target)[] relationships)
    {
        xml.WriteStartElement("Relationships", PackageRelationships);
        foreach (var (id, type, target) in relationships)
        {
            xml.WriteStartElement("Relationship", PackageRelationships);
            xml.WriteAttributeString("Id", id);
            xml.WriteAttributeString("Type", type);
            xml.WriteAttributeString("Target", target);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Core(XmlWriter xml, string title)
    {
        const string Cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string Dc = "http://purl.org/dc/elements/1.1/";
        const string DcTerms = "http://purl.org/dc/terms/";
        const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        xml.WriteStartElement("cp", "coreProperties", Cp);
        xml.WriteAttributeString("xmlns", "dc", null, Dc);
        xml.WriteAttributeString("xmlns", "dcterms", null, DcTerms);
        xml.WriteAttributeString("xmlns", "dcmitype", null, "http://purl.org/dc/dcmitype/");
        xml.WriteAttributeString("xmlns", "xsi", null, Xsi);
        xml.WriteElementString("dc", "title", Dc, title);
        xml.WriteElementString("dc", "creator", Dc, "Samordning");
        foreach (var element in new[] { "created", "modified" })
        {
            xml.WriteStartElement("dcterms", element, DcTerms);
            xml.WriteAttributeString("xsi", "type", Xsi, "dcterms:W3CDTF");
            xml.WriteString(now);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void App(XmlWriter xml, string sheetName)
    {
        const string Ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
        const string Vt = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
        xml.WriteStartElement("Properties", Ns);
        xml.WriteAttributeString("xmlns", "vt", null, Vt);
        xml.WriteElementString("Application", Ns, "Samordning");
        xml.WriteStartElement("TitlesOfParts", Ns);
        xml.WriteStartElement("vector", Vt);
        xml.WriteAttributeString("size", "1");
        xml.WriteAttributeString("baseType", "lpstr");
        xml.WriteElementString("lpstr", Vt, sheetName);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Text(XmlWriter xml, string? value)
    {
        var text = PlainText.Safe(value);
        if (text.Length > MaxCellText)
        {
            // Excel refuses a longer cell; cut before the limit without splitting a surrogate pair.
            text = text[..(char.IsHighSurrogate(text[MaxCellText - 1]) ? MaxCellText - 1 : MaxCellText)];
        }

        xml.WriteStartElement("t");
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains('\n', StringComparison.Ordinal)))
        {
            xml.WriteAttributeString("xml", "space", null, "preserve");
        }

        xml.WriteString(text);
        xml.WriteEndElement();
    }
}
