using Dyad.Analysis.Prose;
using Dyad.Coding;

namespace Dyad.Tests.Analysis.Prose;

/// <summary>data/cameo/phrases.tsv: one row per CAMEO code of the ontology, each row's templates parse and fill.</summary>
public sealed class VerbPhrasesTests
{
    [Fact]
    public void Every_code_of_the_ontology_has_exactly_one_row_and_no_row_is_for_an_unknown_code()
    {
        var codes = CameoOntology.Default.Codes.Select(c => c.Code).ToList();
        var rows = VerbPhrases.Default.Phrases.Select(p => p.Code).ToList();
        Assert.Equal(312, codes.Count);
        Assert.Equal(codes.Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_row_parses_and_reads_with_and_without_a_target()
    {
        foreach (var p in VerbPhrases.Default.Phrases)
        {
            Assert.Null(VerbPhrases.SlotProblem(p.Past));
            Assert.Null(VerbPhrases.SlotProblem(p.Base));
            foreach (string filled in (string[])[p.PastWith("Iran"), p.PastWith(null), p.BaseWith("Iran"), p.BaseWith(null)])
            {
                Assert.DoesNotContain('{', filled);
                Assert.DoesNotContain('}', filled);
                Assert.DoesNotContain("  ", filled, StringComparison.Ordinal);
                Assert.Equal(filled.Trim(), filled);
            }
            // Both forms keep the same slot: a target the past form names, the base form names too.
            Assert.Equal(p.Past.Contains('{', StringComparison.Ordinal), p.Base.Contains('{', StringComparison.Ordinal));
        }
    }

    // Each case: a table's text and the line number of the error it must name ("" when it parses).
    [Theory]
    [InlineData("code\tpast\tbase\n042\tvisited {t}\tvisit {t}\n", "")]
    [InlineData("code\tpast\tbase\n042\tvisited {t}\n", "line 2")]                         // a column missing
    [InlineData("code\tpast\tbase\n042\tvisited {t\tvisit {t}\n", "line 2")]               // unbalanced brace
    [InlineData("code\tpast\tbase\n# note\n042\tvisited {to the t}\tvisit {t}\n", "line 3")] // a slot of three words
    [InlineData("code\tpast\tbase\n042\tvisited {t} and {t}\tvisit {t}\n", "line 2")]      // two slots
    public void A_bad_row_is_an_error_that_names_its_line(string table, string line)
    {
        if (line.Length == 0)
        {
            Assert.Single(VerbPhrases.Parse(new StringReader(table)).Phrases);
            return;
        }
        var error = Assert.Throws<InvalidDataException>(() => VerbPhrases.Parse(new StringReader(table)));
        Assert.Contains(line, error.Message, StringComparison.Ordinal);
    }

    // Each case: a code, the target, and the filled past phrase.
    [Theory]
    [InlineData("042", "North Korea", "visited North Korea")]
    [InlineData("042", null, "visited")]
    [InlineData("0231", "the United Nations", "appealed to the United Nations for economic aid")]
    [InlineData("0231", null, "appealed for economic aid")]
    [InlineData("1384", "Iran", "threatened to attack Iran")]
    [InlineData("0421", "Iran", "visited Iran")]          // an unknown four-digit code reads as its parent
    public void Slots_fill_with_the_target_or_drop_with_their_preposition(string code, string? target, string expected) =>
        Assert.Equal(expected, VerbPhrases.Default.Find(code)!.PastWith(target));
}
