using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dyad.Cli.Output;

/// <summary>
/// Writes records as JSON Lines the way spec/records.md fixes them: snake_case names, nulls written
/// out (never dropped or replaced by empty strings), readable non-ASCII, one object per line.
/// </summary>
internal static class JsonLines
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static void Write<T>(TextWriter output, T record) =>
        output.WriteLine(JsonSerializer.Serialize(record, Options));
}
