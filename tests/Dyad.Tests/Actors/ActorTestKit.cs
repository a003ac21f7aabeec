using System.Collections.Immutable;
using Dyad.Actors;
using Dyad.Text;

namespace Dyad.Tests.Actors;

/// <summary>Runs the recogniser on a text at one date and dumps the mentions compactly: text actor/country kind via.</summary>
internal static class ActorTestKit
{
    public static ActorRecognizer Recognizer { get; } = new(ActorDictionary.Default);

    public static ImmutableArray<ActorMention> Recognize(string text, DateOnly date, ActorRecognizer? recognizer = null) =>
        (recognizer ?? Recognizer).Recognize(text, SentenceSplitter.Split(text), _ => date);

    public static string[] Dump(string text, DateOnly date, ActorRecognizer? recognizer = null) =>
        [.. Recognize(text, date, recognizer).Select(Line)];

    public static string Line(ActorMention m) =>
        $"{m.Text} {m.Actor ?? "-"}/{m.Country ?? "-"} {m.Kind.ToString().ToLowerInvariant()} {m.Via.ToString().ToLowerInvariant()}";
}
