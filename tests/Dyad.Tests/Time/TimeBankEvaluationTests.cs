using System.Text;
using Dyad.Documents;
using Dyad.Time;
using Dyad.Time.Evaluation;

namespace Dyad.Tests.Time;

public class TimeBankEvaluationTests
{
    [Fact]
    public void TimeBank_and_AQUAINT_scores_stay_at_or_above_their_floors()
    {
        var (documents, failures) = TimexScorer.LoadDirectory(Path.Combine(TestPaths.Reference, "tempeval3-tbaq"));
        Assert.Empty(failures);
        Assert.Equal(256, documents.Length);
        Assert.Equal(1822, documents.Sum(d => d.Timexes.Length));
        var scores = TimexScorer.Evaluate(new TimeTagger(), documents);
        Assert.True(scores.Relaxed.F1 >= 0.945, $"relaxed extent F1 {scores.Relaxed.F1:F3} fell below 0.945");
        Assert.True(scores.Strict.F1 >= 0.870, $"strict extent F1 {scores.Strict.F1:F3} fell below 0.870");
        Assert.True(scores.TypeAccuracy >= 0.962, $"type accuracy {scores.TypeAccuracy:F3} fell below 0.962");
        Assert.True(scores.Value.F1 >= 0.824, $"value F1 {scores.Value.F1:F3} fell below 0.824");
    }

    [Fact]
    public void One_tagger_shared_by_parallel_callers_gives_the_same_results_as_one_caller()
    {
        var (documents, _) = TimexScorer.LoadDirectory(Path.Combine(TestPaths.Reference, "tempeval3-tbaq", "AQUAINT"));
        var tagger = new TimeTagger();
        var sequential = documents.Select(d => TimexDump.Of(tagger.Tag(d.Text, d.CreationTime))).ToArray();
        var parallel = new string[documents.Length];
        Parallel.For(0, documents.Length, k => parallel[k] = TimexDump.Of(tagger.Tag(documents[k].Text, documents[k].CreationTime)));
        Assert.Equal(sequential, parallel);
        Assert.True(sequential.Count(s => s.Length > 0) > 60, "most AQUAINT stories carry time expressions");
    }

    private const string Sample = """
        <?xml version="1.0" ?>
        <TimeML>
        <DOCID>sample</DOCID>
        <DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" temporalFunction="false" functionInDocument="CREATION_TIME">August 7, 1998</TIMEX3></DCT>
        <TEXT>
        Talks &amp; votes <EVENT eid="e1" class="OCCURRENCE">ended</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-06" functionInDocument="NONE">yesterday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>. They resume <TIMEX3 tid="t3" type="DATE" value="1998-09">in September</TIMEX3>.<TIMEX3 tid="t4" type="DATE" value="PRESENT_REF" /></TEXT>
        </TimeML>
        """;

    [Fact]
    public void TimeML_text_loses_its_tags_and_keeps_gold_offsets()
    {
        var doc = TimeMlDocument.Parse("sample", new MemoryStream(Encoding.UTF8.GetBytes(Sample)));
        Assert.Equal(new DateOnly(1998, 8, 7), doc.CreationTime);
        Assert.Equal("\nTalks & votes ended yesterday after three days. They resume in September.", doc.Text);
        Assert.Equal(3, doc.Timexes.Length);
        Assert.Equal(new GoldTimex(new TextSpan(21, 30), "yesterday", TimexType.Date, "1998-08-06", null), doc.Timexes[0]);
        Assert.Equal(new GoldTimex(new TextSpan(37, 47), "three days", TimexType.Duration, "P3D", null), doc.Timexes[1]);
        Assert.Equal(new GoldTimex(new TextSpan(61, 73), "in September", TimexType.Date, "1998-09", null), doc.Timexes[2]);
    }

    [Fact]
    public void Scores_count_strict_and_relaxed_matches_and_values_the_TempEval_way()
    {
        var doc = TimeMlDocument.Parse("sample", new MemoryStream(Encoding.UTF8.GetBytes(Sample)));
        var scores = TimexScorer.Evaluate(new TimeTagger(), [doc]);
        // "yesterday" and "three days" match exactly; "September" overlaps "in September" (relaxed only) with a value of
        // 1998-09 only if the past-or-future choice goes ahead: "resume" carries no tense cue, so a month in the next
        // quarter is ahead.
        Assert.Equal(new Score(2, 3, 3), scores.Strict);
        Assert.Equal(new Score(3, 3, 3), scores.Relaxed);
        Assert.Equal(3, scores.TypeCorrect);
        Assert.Equal(3, scores.ValueCorrect);
        Assert.Equal(1.0, scores.Value.F1);
        Assert.Equal(2.0 / 3, scores.Strict.F1, 10);
    }

    [Fact]
    public void A_file_that_is_not_TimeML_is_reported_not_thrown()
    {
        string path = Path.Combine(Path.GetTempPath(), $"dyad-broken-{Guid.NewGuid():N}.tml");
        File.WriteAllText(path, "<TimeML><TEXT>unclosed");
        try
        {
            var (document, error) = TimeMlDocument.Load(path);
            Assert.Null(document);
            Assert.StartsWith("not well-formed TimeML", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
