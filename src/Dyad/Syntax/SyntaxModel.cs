using System.IO.Compression;
using System.Text;

namespace Dyad.Syntax;

/// <summary>
/// The trained syntax model: tagger, lemmatiser and morphology tables, and parser, in one
/// Brotli-compressed file. Read-only once loaded, so one instance serves every thread.
/// </summary>
public sealed class SyntaxModel
{
    private const string Magic = "DYADSYN1";

    public const string ResourceName = "Dyad.data.syntax/en-ud.model";

    private static readonly Lazy<SyntaxModel> Embedded = new(LoadEmbedded);

    internal SyntaxModel(PosTagger tagger, Lemmatizer lemmatizer, DependencyParser parser, string description)
    {
        Tagger = tagger;
        Lemmatizer = lemmatizer;
        Parser = parser;
        Description = description;
    }

    internal PosTagger Tagger { get; }

    internal Lemmatizer Lemmatizer { get; }

    internal DependencyParser Parser { get; }

    /// <summary>How the model was trained (data, iterations, seed), as the training command wrote it.</summary>
    public string Description { get; }

    /// <summary>The model that ships inside the library.</summary>
    public static SyntaxModel Default => Embedded.Value;

    private static SyntaxModel LoadEmbedded()
    {
        using var stream = typeof(SyntaxModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        return Read(stream);
    }

    public static SyntaxModel Load(string path)
    {
        using var stream = File.OpenRead(path);
        try { return Read(stream); }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path}: not a Dyad syntax model ({ex.Message})", ex);
        }
    }

    public void Save(string path)
    {
        string temp = path + ".tmp";
        using (var file = File.Create(temp))
        {
            file.Write(Encoding.ASCII.GetBytes(Magic));
            using var brotli = new BrotliStream(file, new BrotliCompressionOptions { Quality = 9 });
            using var w = new BinaryWriter(brotli, Encoding.UTF8);
            w.Write(Description);
            WriteStrings(w, Tagger.Tags);
            Tagger.Model.Write(w);
            w.Write(Tagger.Ambiguity.Count);
            foreach (var (word, ac) in Tagger.Ambiguity.OrderBy(p => p.Key, StringComparer.Ordinal)) { w.Write(word); w.Write(ac); }
            Lemmatizer.Write(w);
            WriteStrings(w, Parser.Labels);
            Parser.Model.Write(w);
        }
        File.Move(temp, path, overwrite: true);
    }

    internal static SyntaxModel Read(Stream stream)
    {
        var magic = new byte[Magic.Length];
        stream.ReadExactly(magic);
        if (Encoding.ASCII.GetString(magic) != Magic) throw new InvalidDataException("bad magic number");
        // Decompressed whole first: reading millions of small numbers from memory is several times faster
        // than through the decompressor.
        using var brotli = new BrotliStream(stream, CompressionMode.Decompress);
        var raw = new MemoryStream();
        brotli.CopyTo(raw, 1 << 20);
        raw.Position = 0;
        using var r = new BinaryReader(raw, Encoding.UTF8);
        string description = r.ReadString();
        var tags = ReadStrings(r);
        var taggerModel = PerceptronModel.Read(r);
        int ambiguityCount = r.ReadInt32();
        var ambiguity = new Dictionary<string, ulong>(ambiguityCount, StringComparer.Ordinal);
        for (int i = 0; i < ambiguityCount; i++) ambiguity[r.ReadString()] = r.ReadUInt64();
        var lemmatizer = Lemmatizer.Read(r);
        var labels = ReadStrings(r);
        var parserModel = PerceptronModel.Read(r);
        return new SyntaxModel(new PosTagger(taggerModel, tags, ambiguity), lemmatizer, new DependencyParser(parserModel, labels), description);
    }

    private static void WriteStrings(BinaryWriter w, string[] strings)
    {
        w.Write(strings.Length);
        foreach (var s in strings) w.Write(s);
    }

    private static string[] ReadStrings(BinaryReader r)
    {
        var strings = new string[r.ReadInt32()];
        for (int i = 0; i < strings.Length; i++) strings[i] = r.ReadString();
        return strings;
    }

    /// <summary>Tags, lemmatises and parses one sentence of words; the words' spans are the caller's.</summary>
    internal AnalysedWords Analyse(IReadOnlyList<string> forms, IReadOnlySet<string>? vocabulary = null)
    {
        var tags = Tagger.Tag(forms);
        var lemmas = new string[forms.Count];
        var feats = new string[forms.Count];
        for (int i = 0; i < forms.Count; i++)
        {
            lemmas[i] = Lemmatizer.Lemma(forms[i], tags[i], vocabulary);
            feats[i] = Lemmatizer.Feats(forms[i], tags[i]);
        }
        var (heads, labels) = Parser.Parse(forms, tags, lemmas, Tagger.Upos);
        return new AnalysedWords(tags, lemmas, feats, heads, labels);
    }
}

/// <summary>What the model says of a sentence's words: tag numbers, lemmas, features, heads and label numbers.</summary>
internal sealed record AnalysedWords(int[] Tags, string[] Lemmas, string[] Feats, int[] Heads, int[] Labels);
