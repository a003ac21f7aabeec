using System.Globalization;
using Dyad.Coding;
using Dyad.Scale;
using Dyad.Store;

namespace Dyad.Cli;

/// <summary>
/// The coder every command that codes uses (ingest, recode, worker), chosen in one place so that in-process
/// runs and queued workers always agree on it.
/// </summary>
internal static class Coders
{
    /// <summary>
    /// The default coder. Test hook: DYAD_TEST_CODER=tagged selects <see cref="TaggedSentenceCoder"/> (events from
    /// "[SRC 042 TGT]" tags, "[poison]" makes it throw) and DYAD_TEST_CODER_DELAY_MS pauses it per document.
    /// </summary>
    public static IDocumentCoder Default(Func<string, string?> environment)
    {
        if (environment("DYAD_TEST_CODER") is "tagged")
        {
            int delay = int.TryParse(environment("DYAD_TEST_CODER_DELAY_MS"), NumberStyles.None, CultureInfo.InvariantCulture, out int ms) ? ms : 0;
            return new TaggedSentenceCoder(TimeSpan.FromMilliseconds(delay));
        }
        return DyadPipeline.Default;
    }

    /// <summary>
    /// The default pipeline, or with `--verbs FILE` one whose lexicon adds a TABARI or PETRARCH verb dictionary.
    /// Lines it cannot use are reported on <paramref name="warnings"/>, one line each; a file with no usable
    /// pattern is an error.
    /// </summary>
    public static DyadPipeline WithVerbs(string? path, TextWriter warnings)
    {
        if (path is null) return DyadPipeline.Default;
        if (!File.Exists(path)) throw new CliException($"{path}: no such file");
        using var reader = new StreamReader(path);
        var (patterns, errors) = VerbDictionary.Read(reader, CameoOntology.Default);
        foreach (var error in errors.Take(20)) warnings.WriteLine($"{path}:{error.Line}: {error.Message} (line skipped)");
        if (errors.Length > 20) warnings.WriteLine($"{path}: {errors.Length - 20} more lines skipped");
        if (patterns.IsEmpty) throw new CliException($"{path}: no verb pattern Dyad can use");
        var table = VerbDictionary.ToTriggerTable(patterns, Path.GetFileName(path));
        var extra = TriggerLexicon.Parse(new StringReader(table), CameoOntology.Default, Path.GetFileName(path));
        return DyadPipeline.WithLexicon(TriggerLexicon.Default.With(extra));
    }
}
