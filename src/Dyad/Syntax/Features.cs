using System.Runtime.CompilerServices;

namespace Dyad.Syntax;

/// <summary>
/// Feature keys: a template number and up to three atoms (word hashes, tag or label numbers, small
/// counts) mixed into one 64-bit key, so features cost no strings. Collisions between distinct
/// features are possible in principle and negligible in practice at 64 bits.
/// </summary>
internal static class Features
{
    // Atom for "no word here" (outside the sentence, an empty stack): distinct from every hash and small number.
    public const ulong None = 0x9E3779B97F4A7C15UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Key(int template, ulong a) => Mix(Mix((ulong)template * 0xD6E8FEB86659FD93UL ^ a));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Key(int template, ulong a, ulong b) => Mix(Mix((ulong)template * 0xD6E8FEB86659FD93UL ^ a) ^ b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Key(int template, ulong a, ulong b, ulong c) => Mix(Mix(Mix((ulong)template * 0xD6E8FEB86659FD93UL ^ a) ^ b) ^ c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong x)
    {
        // splitmix64's finaliser: every input bit reaches every output bit.
        x ^= x >> 30; x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27; x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }

    /// <summary>A string's 64-bit FNV-1a hash: stable across runs and platforms, unlike string.GetHashCode.</summary>
    public static ulong Hash(ReadOnlySpan<char> s)
    {
        ulong h = 0xCBF29CE484222325UL;
        foreach (char c in s)
        {
            h ^= c;
            h *= 0x100000001B3UL;
        }
        return h;
    }
}
