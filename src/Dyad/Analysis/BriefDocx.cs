extern alias OpenXml;
using System.Globalization;
using OpenXml::DocumentFormat.OpenXml;
using OpenXml::DocumentFormat.OpenXml.Packaging;
using OpenXml::DocumentFormat.OpenXml.Wordprocessing;
using A = OpenXml::DocumentFormat.OpenXml.Drawing;
using DW = OpenXml::DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = OpenXml::DocumentFormat.OpenXml.Drawing.Pictures;
using WRun = OpenXml::DocumentFormat.OpenXml.Wordprocessing.Run;
using WText = OpenXml::DocumentFormat.OpenXml.Wordprocessing.Text;
using WParagraph = OpenXml::DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace Dyad.Analysis;

/// <summary>
/// A brief as a Word document (DOCX, written with DocumentFormat.OpenXml) for an analyst to edit: the title,
/// headings styled as Word headings, the prose with superscript note numbers, the figures as a Word table, the
/// chart as a picture, and the numbered notes at the end. Text goes into the document as text, never as markup.
/// </summary>
public static class BriefDocx
{
    /// <summary>Writes the brief to <paramref name="stream"/>.</summary>
    public static void Write(Brief brief, Stream stream, BriefWriting? writing = null)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var layout = BriefLayout.Lay(brief, writing);
        using var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        AddStyles(main);
        var body = new Body();
        main.Document = new Document(body);
        document.PackageProperties.Title = layout.Title;
        body.Append(Para("Title", new WRun(new WText(layout.Title))));
        body.Append(Para("Subtitle", new WRun(new WText(layout.Subtitle))));
        foreach (var section in layout.Sections)
        {
            body.Append(Para("Heading1", new WRun(new WText(section.Heading))));
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case Paragraph p: body.Append(Para(null, Runs(p.Runs))); break;
                    case ProseBlock prose: body.Append(Para(null, Runs(prose.Runs))); break;
                    case ListBlock list:
                        foreach (var item in list.Items) body.Append(Para("ListParagraph", [new WRun(new WText("• ") { Space = SpaceProcessingModeValues.Preserve }), .. Runs(item)]));
                        break;
                    case TableBlock table: body.Append(Table(table)); break;
                    case ChartBlock chart:
                        body.Append(Picture(main, TrajectoryChart.Png(brief.Series, brief.TurningPoints), chart.Caption));
                        body.Append(Para("Caption", new WRun(new WText(chart.Caption))));
                        break;
                }
            }
        }
        if (layout.Notes.Count > 0)
        {
            body.Append(Para("Heading1", new WRun(new WText("Notes"))));
            foreach (var note in layout.Notes)
            {
                string text = note.Describe(s => s);
                if (note.Document is null && note.Url is { } url) text += " " + url;
                body.Append(Para("Note", new WRun(new WText($"{note.Number.ToString(CultureInfo.InvariantCulture)}. {text}") { Space = SpaceProcessingModeValues.Preserve })));
            }
        }
        body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 }, new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 709, Footer = 709, Gutter = 0 }));
        main.Document.Save();
    }

    /// <summary>Writes the brief to a .docx file.</summary>
    public static void Save(Brief brief, string path, BriefWriting? writing = null)
    {
        using var stream = File.Create(path);
        Write(brief, stream, writing);
    }

    private static WParagraph Para(string? style, params OpenXmlElement[] runs)
    {
        var paragraph = new WParagraph();
        if (style is not null) paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        paragraph.Append(runs);
        return paragraph;
    }

    private static OpenXmlElement[] Runs(IEnumerable<Dyad.Analysis.Run> runs)
    {
        var list = new List<OpenXmlElement>();
        foreach (var run in runs)
        {
            switch (run)
            {
                case TextRun t: list.Add(new WRun(new WText(t.Text) { Space = SpaceProcessingModeValues.Preserve })); break;
                case StrongRun s: list.Add(new WRun(new RunProperties(new Bold()), new WText(s.Text) { Space = SpaceProcessingModeValues.Preserve })); break;
                case NoteRefs r:
                    list.Add(new WRun(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }),
                        new WText(string.Join(",", r.Numbers.Select(n => n.ToString(CultureInfo.InvariantCulture))))));
                    break;
            }
        }
        return [.. list];
    }

    private static Table Table(TableBlock block)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 })));
        TableRow Row(IEnumerable<string> cells, bool header) => new(cells.Select((c, i) => new TableCell(Para(null,
            new WRun(header ? new RunProperties(new Bold()) : new RunProperties(), new WText(c) { Space = SpaceProcessingModeValues.Preserve }))
            .WithJustification(block.Numeric[i]))));
        table.Append(Row(block.Header, header: true));
        foreach (var row in block.Rows) table.Append(Row(row, header: false));
        return table;
    }

    private static WParagraph WithJustification(this WParagraph paragraph, bool right)
    {
        if (right) paragraph.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Right }));
        return paragraph;
    }

    private static WParagraph Picture(MainDocumentPart main, byte[] png, string description)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var data = new MemoryStream(png)) part.FeedData(data);
        string id = main.GetIdOfPart(part);
        // 16 cm wide, the chart's aspect kept; EMU: 360000 per centimetre.
        long cx = 16L * 360000, cy = cx * TrajectoryChart.Height / TrajectoryChart.Width;
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = 1U, Name = "Trajectory chart", Description = description },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = "chart.png" }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = id }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }), new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U };
        return Para(null, new WRun(new Drawing(inline)));
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        Style Paragraph(string id, string name, int halfPoints, bool bold = false, string? color = null, int spaceBefore = 0)
        {
            var run = new StyleRunProperties(new RunFonts { Ascii = "DejaVu Serif", HighAnsi = "DejaVu Serif" }, new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
            if (bold) run.Append(new Bold());
            if (color is not null) run.Append(new Color { Val = color });
            return new Style(
                new StyleName { Val = name },
                new PrimaryStyle(),
                new StyleParagraphProperties(new SpacingBetweenLines { Before = spaceBefore.ToString(CultureInfo.InvariantCulture), After = "120" }),
                run)
            { Type = StyleValues.Paragraph, StyleId = id };
        }
        styles.Styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "DejaVu Serif", HighAnsi = "DejaVu Serif" }, new FontSize { Val = "21" }))),
            Paragraph("Normal", "Normal", 21),
            Paragraph("Title", "Title", 36, bold: true),
            Paragraph("Subtitle", "Subtitle", 20, color: "555555"),
            Paragraph("Heading1", "heading 1", 26, bold: true, spaceBefore: 360),
            Paragraph("ListParagraph", "List Paragraph", 21),
            Paragraph("Caption", "caption", 18, color: "555555"),
            Paragraph("Note", "Note", 18));
    }
}
