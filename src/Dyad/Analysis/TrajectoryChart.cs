using System.Text.RegularExpressions;
using ScottPlot;

namespace Dyad.Analysis;

/// <summary>
/// The chart of a dyad's series, drawn with ScottPlot: one bar per period for the Goldstein sum of its asserted
/// events (green above zero, red below), and a dashed line at each turning point.
/// </summary>
public static partial class TrajectoryChart
{
    public const int Width = 800;
    public const int Height = 320;

    /// <summary>Colours the tests look for in rendered pages.</summary>
    public const string CooperationColor = "#2E7D32";
    public const string ConflictColor = "#C62828";

    private static readonly Lock Gate = new();

    public static Plot Plot(DyadSeries series, IEnumerable<TurningPoint> turningPoints)
    {
        var plot = new Plot();
        plot.Font.Set(Fonts.Sans);
        var bars = new List<Bar>();
        foreach (var point in series.Points)
        {
            double start = point.Period.Start.ToDateTime(TimeOnly.MinValue).ToOADate();
            double end = point.Period.Next().Start.ToDateTime(TimeOnly.MinValue).ToOADate();
            if (point.GoldsteinSum == 0) continue;
            bars.Add(new Bar
            {
                Position = (start + end) / 2,
                Value = point.GoldsteinSum,
                Size = (end - start) * 0.8,
                FillColor = Color.FromHex(point.GoldsteinSum > 0 ? CooperationColor : ConflictColor),
                LineWidth = 0,
            });
        }
        if (bars.Count > 0) plot.Add.Bars(bars);
        foreach (var tp in turningPoints)
        {
            var line = plot.Add.VerticalLine(tp.Period.Start.ToDateTime(TimeOnly.MinValue).ToOADate());
            line.LinePattern = LinePattern.Dashed;
            line.Color = Colors.Black;
            line.LineWidth = 1.5f;
        }
        plot.Add.HorizontalLine(0, 1, Colors.Gray);
        plot.Axes.DateTimeTicksBottom();
        plot.YLabel($"Goldstein sum per {series.Unit.ToString().ToLowerInvariant()}");
        if (series.Points.Length > 0)
        {
            double first = series.Points[0].Period.Start.ToDateTime(TimeOnly.MinValue).ToOADate();
            double last = series.Points[^1].Period.Next().Start.ToDateTime(TimeOnly.MinValue).ToOADate();
            plot.Axes.SetLimitsX(first, last);
        }
        return plot;
    }

    /// <summary>The chart as a standalone SVG file's text.</summary>
    public static string Svg(DyadSeries series, IEnumerable<TurningPoint> turningPoints)
    {
        var plot = Plot(series, turningPoints);
        lock (Gate) return plot.GetSvgXml(Width, Height);
    }

    /// <summary>The chart as an &lt;svg&gt; element to place inside an HTML page: no XML declaration, scaled to its container.</summary>
    public static string InlineSvg(DyadSeries series, IEnumerable<TurningPoint> turningPoints, string label)
    {
        string svg = Svg(series, turningPoints);
        int open = svg.IndexOf("<svg", StringComparison.Ordinal);
        svg = svg[open..];
        return SvgSize().Replace(svg, $"viewBox=\"0 0 {Width} {Height}\" width=\"100%\" role=\"img\" aria-label=\"{BriefHtml.Escape(label)}\"", 1);
    }

    /// <summary>The chart as PNG bytes (for documents that hold raster images, such as DOCX).</summary>
    public static byte[] Png(DyadSeries series, IEnumerable<TurningPoint> turningPoints)
    {
        var plot = Plot(series, turningPoints);
        lock (Gate) return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>Writes the chart to a .svg or .png file; null, or the reason it could not.</summary>
    public static string? Save(string path, DyadSeries series, IEnumerable<TurningPoint> turningPoints)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".svg" or ".png")) return $"{path}: the chart is written as .svg or .png";
        try
        {
            if (extension == ".svg") File.WriteAllText(path, Svg(series, turningPoints));
            else
            {
                var plot = Plot(series, turningPoints);
                lock (Gate) plot.SavePng(path, Width, Height);
            }
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"{path}: {ex.Message}";
        }
    }

    [GeneratedRegex(@"width=""\d+(?:\.\d+)?"" height=""\d+(?:\.\d+)?""", RegexOptions.CultureInvariant)]
    private static partial Regex SvgSize();
}
