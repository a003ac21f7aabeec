using System.Globalization;
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
}
