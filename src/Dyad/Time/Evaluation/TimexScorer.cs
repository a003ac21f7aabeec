using System.Collections.Immutable;

namespace Dyad.Time.Evaluation;

/// <summary>Precision, recall and F1 of one measure.</summary>
public readonly record struct Score(int Correct, int Predicted, int Gold)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>A disagreement between the tagger and the gold annotation, for reading the errors.</summary>
public sealed record TimexError(string Document, string Kind, string? GoldText, string? GoldValue, string? SystemText, string? SystemValue, string Context);

/// <summary>
/// Scores of the time stage the TempEval-3 way: strict extent (same span), relaxed extent (overlapping spans), and over the
/// relaxed matches type and value accuracy; value F1 counts a relaxed match with the right value as correct.
/// </summary>
public sealed record TimexScores(Score Strict, Score Relaxed, int TypeCorrect, int ValueCorrect, int Documents, ImmutableArray<TimexError> Errors)
{
    public double TypeAccuracy => Relaxed.Correct == 0 ? 0 : (double)TypeCorrect / Relaxed.Correct;

    public double ValueAccuracy => Relaxed.Correct == 0 ? 0 : (double)ValueCorrect / Relaxed.Correct;

    public Score Type => new(TypeCorrect, Relaxed.Predicted, Relaxed.Gold);

    public Score Value => new(ValueCorrect, Relaxed.Predicted, Relaxed.Gold);
}

public static class TimexScorer
{
    /// <summary>Tags every document with its creation time and scores the result against its gold annotations.</summary>
    public static TimexScores Evaluate(TimeTagger tagger, IEnumerable<TimeMlDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(documents);
        int gold = 0, predicted = 0, strict = 0, relaxed = 0, type = 0, value = 0, count = 0;
        var errors = ImmutableArray.CreateBuilder<TimexError>();
        foreach (var doc in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            count++;
            var system = tagger.Tag(doc.Text, doc.CreationTime, cancellationToken);
            gold += doc.Timexes.Length;
            predicted += system.Length;
            var used = new bool[system.Length];
            foreach (var g in doc.Timexes)
            {
                int match = -1;
                for (int s = 0; s < system.Length; s++)
                {
                    if (used[s] || !system[s].Span.Overlaps(g.Span)) continue;
                    match = s;
                    if (system[s].Span == g.Span) break;
                }
                if (match < 0)
                {
                    errors.Add(new TimexError(doc.Name, "missed", g.Text, g.Value, null, null, Context(doc.Text, g.Span.Start, g.Span.End)));
                    continue;
                }
                used[match] = true;
                var sys = system[match];
                relaxed++;
                if (sys.Span == g.Span) strict++;
                if (sys.Type == g.Type) type++;
                if (sys.Value == g.Value) value++;
                else errors.Add(new TimexError(doc.Name, "value", g.Text, g.Value, sys.Text, sys.Value, Context(doc.Text, g.Span.Start, g.Span.End)));
            }
            for (int s = 0; s < system.Length; s++)
            {
                if (!used[s]) errors.Add(new TimexError(doc.Name, "spurious", null, null, system[s].Text, system[s].Value, Context(doc.Text, system[s].Span.Start, system[s].Span.End)));
            }
        }
        return new TimexScores(new Score(strict, predicted, gold), new Score(relaxed, predicted, gold), type, value, count, errors.ToImmutable());
    }

    /// <summary>Every .tml file under <paramref name="directory"/>, read in name order; files that fail to parse are reported.</summary>
    public static (ImmutableArray<TimeMlDocument> Documents, ImmutableArray<string> Failures) LoadDirectory(string directory)
    {
        var docs = ImmutableArray.CreateBuilder<TimeMlDocument>();
        var failures = ImmutableArray.CreateBuilder<string>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.tml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var (doc, error) = TimeMlDocument.Load(file);
            if (doc is not null) docs.Add(doc);
            else failures.Add($"{file}: {error}");
        }
        return (docs.ToImmutable(), failures.ToImmutable());
    }

    private static string Context(string text, int start, int end)
    {
        int a = Math.Max(0, start - 50), b = Math.Min(text.Length, end + 50);
        return (text[a..start] + "[" + text[start..end] + "]" + text[end..b]).ReplaceLineEndings(" ");
    }
}
