using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;

namespace Dyad.Coding;

/// <summary>
/// One CAMEO event code: its name, root, Goldstein weight (the ICEWS table), QuadClass
/// (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict) and
/// PLOVER event type and mode (null where PLOVER has none).
/// </summary>
public sealed record CameoCode(string Code, string Name, string Root, double Goldstein, int QuadClass,
    string? PloverEvent, string? PloverMode)
{
    public override string ToString() => $"{Code} {Name}";
}

/// <summary>The 312 CAMEO event codes, loaded once from the embedded data/cameo/cameo.tsv.</summary>
public sealed class CameoOntology
{
    private const string Resource = "Dyad.data.cameo/cameo.tsv";
    private static readonly Lazy<CameoOntology> Lazy = new(Load);
    private readonly FrozenDictionary<string, CameoCode> _byCode;

    private CameoOntology(ImmutableArray<CameoCode> codes)
    {
        Codes = codes;
        _byCode = codes.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);
    }

    public static CameoOntology Default => Lazy.Value;

    /// <summary>Every code in table order (roots "01".."20" included).</summary>
    public ImmutableArray<CameoCode> Codes { get; }

    public CameoCode? Find(string code) => _byCode.GetValueOrDefault(code);

    public CameoCode this[string code] =>
        _byCode.TryGetValue(code, out var c) ? c : throw new KeyNotFoundException($"unknown CAMEO code '{code}'");

    internal static CameoOntology Parse(TextReader reader)
    {
        var codes = ImmutableArray.CreateBuilder<CameoCode>();
        bool header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            if (header) { header = false; continue; }
            var f = line.Split('\t');
            if (f.Length != 7) throw new InvalidDataException($"cameo.tsv: expected 7 columns: {line}");
            codes.Add(new CameoCode(f[0], f[1], f[2], double.Parse(f[3], CultureInfo.InvariantCulture),
                int.Parse(f[4], CultureInfo.InvariantCulture), f[5] == "-" ? null : f[5], f[6] == "-" ? null : f[6]));
        }
        return new CameoOntology(codes.ToImmutable());
    }

    private static CameoOntology Load()
    {
        using var stream = typeof(CameoOntology).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"missing embedded resource {Resource}");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
