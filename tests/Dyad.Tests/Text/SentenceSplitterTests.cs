using Dyad.Documents;
using Dyad.Text;

namespace Dyad.Tests.Text;

public sealed class SentenceSplitterTests
{
    // Each case: the text, then its sentences joined by " | ".
    public static TheoryData<string, string> Cases => new()
    {
        // Plain sentences.
        { "Russia vetoed the draft. China abstained.", "Russia vetoed the draft. | China abstained." },
        // Dotted acronym followed by a lower-case word or a name: no break.
        { "The U.S. intelligence reports were public. They said so.", "The U.S. intelligence reports were public. | They said so." },
        { "Talks with the U.S. Secretary of State failed.", "Talks with the U.S. Secretary of State failed." },
        // Dotted acronym at the end of a sentence followed by a sentence opener.
        { "Sanctions were backed by the U.S. The vote was unanimous.", "Sanctions were backed by the U.S. | The vote was unanimous." },
        // Titles and abbreviations bind to what follows.
        { "Dr. Kim met Gen. Lee at No. 10 Downing Street.", "Dr. Kim met Gen. Lee at No. 10 Downing Street." },
        { "Arms, e.g. artillery shells, were sent.", "Arms, e.g. artillery shells, were sent." },
        // Initials.
        { "J. F. Kennedy spoke in Berlin. The crowd cheered.", "J. F. Kennedy spoke in Berlin. | The crowd cheered." },
        // Decimals and money.
        { "Moscow wrote off US$ 11 billion, or 90.5 per cent. Pyongyang welcomed it.", "Moscow wrote off US$ 11 billion, or 90.5 per cent. | Pyongyang welcomed it." },
        // Quotations: the closing quote belongs to the sentence.
        { "He said \"we will respond.\" The ministry agreed.", "He said \"we will respond.\" | The ministry agreed." },
        { "“It is historic,” the agency said. Nothing more was said.", "“It is historic,” the agency said. | Nothing more was said." },
        // Footnote markers glued to the final punctuation stay with their sentence.
        { "The pact expired in 1991.⁴ Relations cooled.", "The pact expired in 1991.⁴ | Relations cooled." },
        { "Talks collapsed in 2008.[12] Russia objected.", "Talks collapsed in 2008.[12] | Russia objected." },
        { "A visit followed.^3 It lasted five days.", "A visit followed.^3 | It lasted five days." },
        { "The summit ended,¹⁰ breaking unanimity. Then talks resumed.", "The summit ended,¹⁰ breaking unanimity. | Then talks resumed." },
        // Question and exclamation marks.
        { "Will the deal last? Few think so!", "Will the deal last? | Few think so!" },
        // Headings on their own line, then prose.
        { "Overview of Relations:\nBilateral ties date back to 1948.", "Overview of Relations: | Bilateral ties date back to 1948." },
        { "Background\nThe war began in 1950.", "Background | The war began in 1950." },
        // Bullet lists: one sentence per item.
        { "Its goals were:\n- Military modernization\n- New satellites", "Its goals were: | - Military modernization | - New satellites" },
        { "Steps:\n1. Reopen embassies\n2. Exchange ambassadors", "Steps: | 1. Reopen embassies | 2. Exchange ambassadors" },
        // A line wrapped at the margin is not a break.
        { "The delegation was led by the defence minister and\nincluded senior officers.", "The delegation was led by the defence minister and\nincluded senior officers." },
        // Blank lines end a sentence even without punctuation.
        { "Raisi's Visit to Riyadh\n\nHe arrived by train.", "Raisi's Visit to Riyadh | He arrived by train." },
        // Ellipsis inside a sentence.
        { "They waited... and waited. Then they left.", "They waited... and waited. | Then they left." },
        // A period followed by a lower-case word after a name-like abbreviation.
        { "Forces entered Kyiv vs. the plan. It failed.", "Forces entered Kyiv vs. the plan. | It failed." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Splits_tricky_prose(string text, string expected)
    {
        var sentences = SentenceSplitter.Split(text).Select(s => s.Slice(text));
        Assert.Equal(expected, string.Join(" | ", sentences));
    }

    [Fact]
    public void Spans_are_trimmed_offsets_into_the_text()
    {
        const string text = "  First one.   Second one.  ";
        var spans = SentenceSplitter.Split(text);
        Assert.Equal([new TextSpan(2, 12), new TextSpan(15, 26)], spans.ToArray());
    }
}
