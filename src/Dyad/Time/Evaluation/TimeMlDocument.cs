using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Xml;
using Dyad.Documents;

namespace Dyad.Time.Evaluation;

/// <summary>A gold time expression of a TimeML document: where it stands in the plain text, its type and value.</summary>
public sealed record GoldTimex(TextSpan Span, string Text, TimexType Type, string Value, string? Mod);

/// <summary>
/// A TimeML document (.tml): the plain text of its TEXT element (tags removed, entities decoded), the document creation
/// time and the TIMEX3 annotations inside the text.
/// </summary>
public sealed record TimeMlDocument(string Name, string Text, DateOnly? CreationTime, ImmutableArray<GoldTimex> Timexes)
{
    /// <summary>Reads a .tml file; a file that is not well-formed TimeML yields an error, not an exception.</summary>
    public static (TimeMlDocument? Document, string? Error) Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return (Parse(Path.GetFileNameWithoutExtension(path), stream), null);
        }
        catch (XmlException ex)
        {
            return (null, $"not well-formed TimeML: {ex.Message}");
        }
        catch (IOException ex)
        {
            return (null, ex.Message);
        }
    }

    public static TimeMlDocument Parse(string name, Stream stream)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, IgnoreComments = true, XmlResolver = null };
        using var reader = XmlReader.Create(stream, settings);
        var text = new StringBuilder();
        var timexes = ImmutableArray.CreateBuilder<GoldTimex>();
        DateOnly? creation = null;
        bool inText = false;
        int timexStart = -1;
        (TimexType Type, string Value, string? Mod)? open = null;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.Name == "TEXT" && !reader.IsEmptyElement) inText = true;
                    else if (reader.Name == "TIMEX3")
                    {
                        string value = reader.GetAttribute("value") ?? "";
                        if (reader.GetAttribute("functionInDocument") == "CREATION_TIME")
                        {
                            if (value.Length >= 10 && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) creation = d;
                        }
                        else if (inText && !reader.IsEmptyElement)
                        {
                            timexStart = text.Length;
                            open = (ParseType(reader.GetAttribute("type")), value, reader.GetAttribute("mod"));
                        }
                    }
                    break;
                case XmlNodeType.EndElement:
                    if (reader.Name == "TEXT") inText = false;
                    else if (reader.Name == "TIMEX3" && open is { } o && inText)
                    {
                        if (text.Length > timexStart)
                        {
                            var span = new TextSpan(timexStart, text.Length);
                            timexes.Add(new GoldTimex(span, text.ToString(timexStart, span.Length), o.Type, o.Value, o.Mod));
                        }
                        open = null;
                    }
                    break;
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA:
                    if (inText) text.Append(reader.Value);
                    break;
            }
        }
        return new TimeMlDocument(name, text.ToString(), creation, timexes.ToImmutable());
    }

    private static TimexType ParseType(string? type) => type switch
    {
        "TIME" => TimexType.Time,
        "DURATION" => TimexType.Duration,
        "SET" => TimexType.Set,
        _ => TimexType.Date,
    };
}
