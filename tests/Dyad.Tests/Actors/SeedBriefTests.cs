using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Dyad.Actors;
using Dyad.Documents;
using Dyad.Text;

namespace Dyad.Tests.Actors;

/// <summary>
/// Every actor mention the seed brief's issue lists, found and resolved. The brief is read from the
/// shared folder at run time. Until the time stage dates sentences, a sentence is dated by the first
/// year it names (1 July of that year), else by the brief's date.
/// </summary>
public partial class SeedBriefTests
{
    private static readonly DateOnly BriefDate = new(2023, 10, 10);

    private static readonly string Text = File.ReadAllText(TestPaths.SeedBrief);

    private static readonly ImmutableArray<ActorMention> Mentions = Recognize();

    [GeneratedRegex(@"\b(19[4-9]\d|20[0-2]\d)\b")]
    private static partial Regex Year();

    private static ImmutableArray<ActorMention> Recognize()
    {
        var sentences = SentenceSplitter.Split(Text);
        DateOnly? DateAt(int offset)
        {
            var sentence = sentences.First(s => s.Contains(offset));
            var year = Year().Match(sentence.Slice(Text));
            return year.Success ? new DateOnly(int.Parse(year.Value, System.Globalization.CultureInfo.InvariantCulture), 7, 1) : BriefDate;
        }
        return ActorTestKit.Recognizer.Recognize(Text, sentences, DateAt);
    }

    /// <summary>The mentions whose span is <paramref name="target"/> inside the first occurrence of <paramref name="context"/>.</summary>
    private static string[] At(string context, string target)
    {
        int at = Text.IndexOf(context, StringComparison.Ordinal);
        Assert.True(at >= 0, $"context not in the brief: {context}");
        int start = at + context.IndexOf(target, StringComparison.Ordinal);
        var span = new TextSpan(start, start + target.Length);
        return [.. Mentions.Where(m => m.Span == span).Select(m => $"{m.Actor}/{m.Country} {m.Kind.ToString().ToLowerInvariant()} {m.Name ?? "-"}")];
    }

    [Theory]
    [InlineData("took place in Far-East Russia", "Russia", "RUS/RUS state -")]
    [InlineData("in 2012, Moscow wrote off", "Moscow", "RUSGOV/RUS government -")]
    [InlineData("stipulated that Moscow will come", "Moscow", "SUNGOV/SUN government -")]
    [InlineData("so far the Kremlin has denied", "Kremlin", "RUSGOV/RUS government -")]
    [InlineData("between Russian President Vladimir Putin and", "Russian President Vladimir Putin", "RUSGOV/RUS person Vladimir Putin")]
    [InlineData("where President Putin was already present", "President Putin", "RUSGOV/RUS person Vladimir Putin")]
    [InlineData("He arrived on his armoured train", "He", "PRKGOV/PRK person Kim Jong-un")]
    [InlineData("Russia, DPRK's Kim Jong-Un", "DPRK", "PRK/PRK state -")]
    [InlineData("Russia, DPRK's Kim Jong-Un", "Kim Jong-Un", "PRKGOV/PRK person Kim Jong-un")]
    [InlineData("and Supreme Leader Kim are", "Supreme Leader Kim", "PRKGOV/PRK person Kim Jong-un")]
    [InlineData("delegation to Pyongyang led by", "Pyongyang", "PRK/PRK place -")]
    [InlineData("bring Pyongyang to the negotiating table", "Pyongyang", "PRKGOV/PRK government -")]
    [InlineData("The North Korean leader returned", "North Korean leader", "PRKGOV/PRK person Kim Jong-un")]
    [InlineData("Moscow installed Kim Il-Sung", "Kim Il-Sung", "PRKELI/PRK person Kim Il-sung")]
    [InlineData("(Kim Jong-Un's grandfather)", "Kim Jong-Un", "PRKGOV/PRK person Kim Jong-un")]
    [InlineData("1950, Kim Il-Sung's", "Kim Il-Sung", "PRKGOV/PRK person Kim Il-sung")]
    [InlineData("Kim Il-Sung signed a defence", "Kim Il-Sung", "PRKGOV/PRK person Kim Il-sung")]
    [InlineData("with Khrushchev (then leader of USSR)", "Khrushchev", "SUNGOV/SUN person Nikita Khrushchev")]
    [InlineData("with Khrushchev (then leader of USSR)", "USSR", "SUN/SUN state -")]
    [InlineData("the then Soviet Union (now Russia)", "Soviet Union", "SUN/SUN state -")]
    [InlineData("the then Soviet Union (now Russia)", "Russia", "RUS/RUS state -")]
    [InlineData("allies like the U.S. rushed", "U.S.", "USA/USA state -")]
    [InlineData("diplomacy with Washington failed", "Washington", "USAGOV/USA government -")]
    [InlineData("As per White House statement", "White House", "USAGOV/USA government -")]
    [InlineData("the United Nations Security Council (UNSC)", "United Nations Security Council", "UNO/UNO igo -")]
    [InlineData("the United Nations Security Council (UNSC)", "UNSC", "UNO/UNO igo -")]
    [InlineData("contractor *Wagner Group*", "Wagner Group", "RUSUAF/RUS armedgroup -")]
    [InlineData("the Workers' Party of Korea (WPK)", "Workers' Party of Korea", "PRKPTY/PRK party -")]
    [InlineData("the Workers' Party of Korea (WPK)", "WPK", "PRKPTY/PRK party -")]
    [InlineData("Russia's Defence Minister Sergey Shoigu", "Russia's Defence Minister Sergey Shoigu", "RUSGOV/RUS person Sergey Shoigu")]
    [InlineData("the Russian Defence Minister Shoigu was", "Russian Defence Minister Shoigu", "RUSGOV/RUS person Sergey Shoigu")]
    [InlineData("Chinese Communist Party Politburo member Li Hongzhong", "Chinese Communist Party Politburo member Li Hongzhong", "CHNGOV/CHN person Li Hongzhong")]
    [InlineData("Foreign Minister Sergey Lavrov to", "Foreign Minister Sergey Lavrov", "RUSGOV/RUS person Sergey Lavrov")]
    [InlineData("FM Lavrov might also", "FM Lavrov", "RUSGOV/RUS person Sergey Lavrov")]
    [InlineData("Russia's Natural Resources Minister Alexander Kozlov", "Russia's Natural Resources Minister Alexander Kozlov", "RUSGOV/RUS person Alexander Kozlov")]
    [InlineData("Russian Ministry of Defence delegation", "Russian Ministry of Defence", "RUSMIL/RUS military -")]
    public void Seed_mention_is_found_and_resolved(string context, string target, string expected)
    {
        Assert.Equal([expected], At(context, target));
    }

    [Fact]
    public void The_two_leaders_are_Putin_and_Kim()
    {
        Assert.Equal(
            ["RUSGOV/RUS person Vladimir Putin", "PRKGOV/PRK person Kim Jong-un"],
            At("the two leaders will be meeting", "two leaders"));
    }

    [Fact]
    public void A_person_carries_the_role_held_on_the_date()
    {
        var putin = Mentions.First(m => m.Text == "Russian President Vladimir Putin");
        Assert.Equal(("President of Russia", MentionVia.Dictionary), (putin.Role, putin.Via));
        int at = Text.IndexOf("In 1961, Kim Il-Sung signed", StringComparison.Ordinal) + "In 1961, ".Length;
        var kim1961 = Mentions.Single(m => m.Span.Start == at);
        Assert.Equal(("Kim Il-sung", "Premier of North Korea"), (kim1961.Name, kim1961.Role));
    }
}
