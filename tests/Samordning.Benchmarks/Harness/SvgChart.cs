using System.Globalization;
using System.Security;
using System.Text;

namespace Samordning.Benchmarks.Harness;

// A line chart as SVG text, written here rather than with a charting library: axes, a logarithmic x axis (the
// volumes grow tenfold), a linear y axis from zero, one polyline with points per series, an optional horizontal
// aim line and a legend. Enough for docs/benchmarks.md to embed what build/bench measured.
internal static class SvgChart
{
    private const double Width = 720;
    private const double Height = 420;
    private const double Left = 70;
    private const double Right = 200;
    private const double Top = 40;
    private const double Bottom = 60;

    private static readonly int[] NiceSteps = [1, 2, 5, 10];

    private static readonly string[] Colours = ["#1f5fa8", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#2c3e50"];

    public sealed record Series(string Name, IReadOnlyList<(double X, double Y)> Points, bool Dashed = false);

    public sealed record Aim(string Name, double Y);

    public static string Lines(string title, string xLabel, string yLabel, IReadOnlyList<Series> series, IReadOnlyList<Aim> aims)
    {
        var points = series.SelectMany(s => s.Points).ToList();
        var xs = points.Select(p => p.X).Where(x => x > 0).DefaultIfEmpty(1).ToList();
        var (xMin, xMax) = (Math.Pow(10, Math.Floor(Math.Log10(xs.Min()))), Math.Pow(10, Math.Ceiling(Math.Log10(xs.Max()))));
        if (xMax <= xMin)
        {
            xMax = xMin * 10;
        }

        var yMax = NiceCeiling(points.Select(p => p.Y).Concat(aims.Select(a => a.Y)).DefaultIfEmpty(1).Max());
        double X(double x) => Left + ((Math.Log10(Math.Max(x, xMin)) - Math.Log10(xMin)) / (Math.Log10(xMax) - Math.Log10(xMin)) * (Width - Left - Right));
        double Y(double y) => Height - Bottom - (y / yMax * (Height - Top - Bottom));

        var svg = new StringBuilder();
        Append(svg, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">");
        Append(svg, $"<title>{Escape(title)}</title>");
        Append(svg, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>");
        Append(svg, $"<text x=\"{Left}\" y=\"22\" font-size=\"14\" font-weight=\"bold\">{Escape(title)}</text>");

        // Grid and ticks: five steps up the y axis, every power of ten along the x axis.
        for (var i = 0; i <= 5; i++)
        {
            var value = yMax * i / 5;
            Append(svg, $"<line x1=\"{Left}\" y1=\"{Y(value):0.#}\" x2=\"{Width - Right}\" y2=\"{Y(value):0.#}\" stroke=\"#e0e0e0\"/>");
            Append(svg, $"<text x=\"{Left - 6}\" y=\"{Y(value) + 4:0.#}\" text-anchor=\"end\">{value:0.##}</text>");
        }

        for (var x = xMin; x <= xMax * 1.0001; x *= 10)
        {
            Append(svg, $"<line x1=\"{X(x):0.#}\" y1=\"{Top}\" x2=\"{X(x):0.#}\" y2=\"{Height - Bottom}\" stroke=\"#e0e0e0\"/>");
            Append(svg, $"<text x=\"{X(x):0.#}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{x:N0}</text>");
        }

        Append(svg, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>");
        Append(svg, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>");
        Append(svg, $"<text x=\"{(Left + Width - Right) / 2:0.#}\" y=\"{Height - 18}\" text-anchor=\"middle\">{Escape(xLabel)}</text>");
        Append(svg, $"<text x=\"16\" y=\"{(Top + Height - Bottom) / 2:0.#}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {(Top + Height - Bottom) / 2:0.#})\">{Escape(yLabel)}</text>");

        var legendY = Top;
        foreach (var aim in aims)
        {
            Append(svg, $"<line x1=\"{Left}\" y1=\"{Y(aim.Y):0.#}\" x2=\"{Width - Right}\" y2=\"{Y(aim.Y):0.#}\" stroke=\"#888\" stroke-dasharray=\"2 4\"/>");
            Append(svg, $"<line x1=\"{Width - Right + 12}\" y1=\"{legendY:0.#}\" x2=\"{Width - Right + 36}\" y2=\"{legendY:0.#}\" stroke=\"#888\" stroke-dasharray=\"2 4\"/>");
            Append(svg, $"<text x=\"{Width - Right + 42}\" y=\"{legendY + 4:0.#}\">{Escape(aim.Name)}</text>");
            legendY += 18;
        }

        for (var i = 0; i < series.Count; i++)
        {
            var line = series[i];
            var colour = Colours[i / 2 % Colours.Length];
            var dash = line.Dashed ? " stroke-dasharray=\"6 4\"" : "";
            var path = string.Join(' ', line.Points.OrderBy(p => p.X).Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.X):0.#},{Y(p.Y):0.#}")));
            Append(svg, $"<polyline points=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{dash}/>");
            foreach (var (x, y) in line.Points)
            {
                Append(svg, $"<circle cx=\"{X(x):0.#}\" cy=\"{Y(y):0.#}\" r=\"3\" fill=\"{colour}\"><title>{Escape(line.Name)}: {x:N0}, {y:0.#}</title></circle>");
            }

            Append(svg, $"<line x1=\"{Width - Right + 12}\" y1=\"{legendY:0.#}\" x2=\"{Width - Right + 36}\" y2=\"{legendY:0.#}\" stroke=\"{colour}\" stroke-width=\"2\"{dash}/>");
            Append(svg, $"<text x=\"{Width - Right + 42}\" y=\"{legendY + 4:0.#}\">{Escape(line.Name)}</text>");
            legendY += 18;
        }

        Append(svg, "</svg>");
        return svg.ToString();
    }

    // 1, 2 or 5 times a power of ten, at or above the value: round numbers on the y axis.
    private static double NiceCeiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return NiceSteps.Select(f => f * power).First(v => v >= value);
    }

    private static string Escape(string text) => SecurityElement.Escape(text);

    private static void Append(StringBuilder svg, FormattableString line) => svg.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static void Append(StringBuilder svg, string line) => svg.Append(line).Append('\n');
}
