using System.Text.RegularExpressions;
using Dyad.Documents;
using Dyad.Store;

namespace Dyad.Scale;

/// <summary>
/// A deterministic coder for exercising the queue end to end while the real coder is elsewhere: every
/// sentence tag "[SRC 042 TGT]" (two actor codes around a CAMEO code) is one event, in text order, and a
/// sentence holding "[poison]" makes it throw, standing for a document that breaks the coder. Selected by
/// the command line with DYAD_TEST_CODER=tagged (a test hook; DYAD_TEST_CODER_DELAY_MS adds a pause per
/// document so a test can stop a worker in the middle of a batch).
/// </summary>
public sealed partial class TaggedSentenceCoder(TimeSpan delayPerDocument, string version = "tagged-1") : IDocumentCoder
{
    public string Version => version;

    public IReadOnlyList<EventRow> Code(Document document, CancellationToken cancellationToken)
    {
        if (delayPerDocument > TimeSpan.Zero && cancellationToken.WaitHandle.WaitOne(delayPerDocument)) cancellationToken.ThrowIfCancellationRequested();
        var events = new List<EventRow>();
        foreach (var sentence in document.Sentences)
        {
            string text = sentence.Span.Slice(document.Text);
            if (text.Contains("[poison]", StringComparison.Ordinal)) throw new InvalidOperationException($"poisoned sentence at {sentence.Span.Start} in {document.Name}");
            foreach (Match m in Tag().Matches(text))
            {
                string code = m.Groups[2].Value;
                events.Add(new EventRow
                {
                    Id = $"{document.Name}#e{events.Count + 1}",
                    Doc = document.Name,
                    SourceActor = m.Groups[1].Value,
                    SourceCountry = m.Groups[1].Value[..3],
                    TargetActor = m.Groups[3].Value,
                    TargetCountry = m.Groups[3].Value[..3],
                    Cameo = code,
                    Root = code[..2],
                    EvidenceSentence = text,
                    EvidenceStart = sentence.Span.Start,
                    EvidenceEnd = sentence.Span.End,
                    Evidences = [new EventEvidence(document.Name, text, sentence.Span.Start, sentence.Span.End)],
                    CoderVersion = Version,
                });
            }
        }
        return events;
    }

    [GeneratedRegex(@"\[([A-Z]{3,6}) (\d{3,4}) ([A-Z]{3,6})\]")]
    private static partial Regex Tag();
}
