using System.Globalization;
using Dyad.Coding;

namespace Dyad.Tests.Coding;

/// <summary>One shared coder for the tests, and a compact text form of its events to assert on.</summary>
internal static class CodingDump
{
    public static DyadPipeline Coder { get; } = DyadPipeline.Default;

    public static string Code(string text, string dct)
    {
        var document = EventDocuments.FromText("test", text, DateOnly.ParseExact(dct, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        return Dump(Coder.CodeEvents(document));
    }

    /// <summary>"SRC>TGT CODE DATE MODALITY" per event, joined by "; " in document order.</summary>
    public static string Dump(IEnumerable<CodedEvent> events) =>
        string.Join("; ", events.Select(e =>
            $"{e.Source.Country ?? "-"}>{e.Target?.Country ?? "-"} {e.Code.Code} {e.Date?.Value ?? "-"} {e.Modality.ToString().ToLowerInvariant()}"));
}
