using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Samordning.Workstreams.Reports;

// A stacked bar chart as a DrawingML chart part, so Word draws it itself and people can restyle it there. The
// figures are literals in the chart (no embedded workbook): the table after the chart holds them for editing.
internal static class ReportWordChart
{
    private const long Width = 5_760_000; // 16 cm in EMU
    private const long RowHeight = 300_000;

    public static W.Drawing Add(MainDocumentPart main, ReportChart chart, uint id)
    {
        var part = main.AddNewPart<ChartPart>();
        part.ChartSpace = ChartSpace(chart);
        part.ChartSpace.Save();
        var height = Math.Max(2_000_000, 900_000 + (RowHeight * chart.Categories.Count));

        return new W.Drawing(new DW.Inline(
            new DW.Extent { Cx = Width, Cy = height },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = id, Name = $"Chart {id}", Title = chart.Title, Description = chart.Description },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = main.GetIdOfPart(part) }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        });
    }

    private static C.ChartSpace ChartSpace(ReportChart chart)
    {
        const uint categoryAxis = 1, valueAxis = 2;
        var bars = new C.BarChart(
            new C.BarDirection { Val = C.BarDirectionValues.Bar },
            new C.BarGrouping { Val = C.BarGroupingValues.Stacked },
            new C.VaryColors { Val = false });
        foreach (var (series, n) in chart.Series.Select((s, n) => (s, (uint)n)))
        {
            bars.Append(new C.BarChartSeries(
                new C.Index { Val = n },
                new C.Order { Val = n },
                new C.SeriesText(new C.NumericValue(series.Name)),
                new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = series.Color })),
                new C.InvertIfNegative { Val = false },
                new C.CategoryAxisData(Strings(chart.Categories)),
                new C.Values(Numbers(series.Values))));
        }

        bars.Append(new C.GapWidth { Val = 60 }, new C.Overlap { Val = 100 }, new C.AxisId { Val = categoryAxis }, new C.AxisId { Val = valueAxis });

        return new C.ChartSpace(
            new C.EditingLanguage { Val = "nb-NO" },
            new C.RoundedCorners { Val = false },
            new C.Chart(
                new C.Title(
                    new C.ChartText(new C.RichText(new A.BodyProperties(), new A.ListStyle(), new A.Paragraph(new A.Run(new A.Text(chart.Title))))),
                    new C.Overlay { Val = false }),
                new C.AutoTitleDeleted { Val = false },
                new C.PlotArea(
                    new C.Layout(),
                    bars,
                    new C.CategoryAxis(
                        new C.AxisId { Val = categoryAxis },
                        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MaxMin }),
                        new C.Delete { Val = false },
                        new C.AxisPosition { Val = C.AxisPositionValues.Left },
                        new C.MajorTickMark { Val = C.TickMarkValues.None },
                        new C.MinorTickMark { Val = C.TickMarkValues.None },
                        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                        new C.CrossingAxis { Val = valueAxis },
                        new C.Crosses { Val = C.CrossesValues.AutoZero },
                        new C.AutoLabeled { Val = true },
                        new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
                        new C.LabelOffset { Val = 100 },
                        new C.NoMultiLevelLabels { Val = false }),
                    new C.ValueAxis(
                        new C.AxisId { Val = valueAxis },
                        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                        new C.Delete { Val = false },
                        new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
                        new C.MajorGridlines(),
                        new C.NumberingFormat { FormatCode = "0", SourceLinked = false },
                        new C.MajorTickMark { Val = C.TickMarkValues.Outside },
                        new C.MinorTickMark { Val = C.TickMarkValues.None },
                        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                        new C.CrossingAxis { Val = categoryAxis },
                        new C.Crosses { Val = C.CrossesValues.AutoZero },
                        new C.CrossBetween { Val = C.CrossBetweenValues.Between })),
                new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
                new C.PlotVisibleOnly { Val = true },
                new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }));
    }

    private static C.StringLiteral Strings(IReadOnlyList<string> values)
    {
        var literal = new C.StringLiteral(new C.PointCount { Val = (uint)values.Count });
        foreach (var (value, n) in values.Select((v, n) => (v, (uint)n)))
        {
            literal.Append(new C.StringPoint(new C.NumericValue(value)) { Index = n });
        }

        return literal;
    }

    private static C.NumberLiteral Numbers(IReadOnlyList<int> values)
    {
        var literal = new C.NumberLiteral(new C.FormatCode("General"), new C.PointCount { Val = (uint)values.Count });
        foreach (var (value, n) in values.Select((v, n) => (v, (uint)n)))
        {
            literal.Append(new C.NumericPoint(new C.NumericValue(value.ToString(System.Globalization.CultureInfo.InvariantCulture))) { Index = n });
        }

        return literal;
    }
}
