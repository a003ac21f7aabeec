namespace Dyad.Syntax;

/// <summary>
/// The arc-eager transition system with the root at the end of the buffer: SHIFT, REDUCE, LEFT-ARC(l)
/// and RIGHT-ARC(l). Word n (one past the last word) stands for the root; it only takes dependents by
/// LEFT-ARC(root), which keeps the tree single-headed and every word attached when parsing ends.
/// </summary>
internal sealed class ArcEagerState
{
    public const int Shift = 0;
    public const int Reduce = 1;

    private readonly int[] _stack;

    public ArcEagerState(int words)
    {
        N = words;
        _stack = new int[words + 1];
        Heads = new int[words + 1];
        Labels = new int[words + 1];
        LeftChild1 = new int[words + 1];
        LeftChild2 = new int[words + 1];
        RightChild1 = new int[words + 1];
        RightChild2 = new int[words + 1];
        LeftCount = new int[words + 1];
        RightCount = new int[words + 1];
        LeftLabels = new ulong[words + 1];
        RightLabels = new ulong[words + 1];
        Array.Fill(Heads, -1);
        Array.Fill(Labels, -1);
        Array.Fill(LeftChild1, -1);
        Array.Fill(LeftChild2, -1);
        Array.Fill(RightChild1, -1);
        Array.Fill(RightChild2, -1);
    }

    /// <summary>Number of words; index N is the root.</summary>
    public int N { get; }

    public int StackCount { get; private set; }

    /// <summary>Front of the buffer (N once only the root is left).</summary>
    public int Buffer { get; private set; }

    public int[] Heads { get; }
    public int[] Labels { get; }
    public int[] LeftChild1 { get; }
    public int[] LeftChild2 { get; }
    public int[] RightChild1 { get; }
    public int[] RightChild2 { get; }
    public int[] LeftCount { get; }
    public int[] RightCount { get; }
    public ulong[] LeftLabels { get; }
    public ulong[] RightLabels { get; }

    public bool IsTerminal => StackCount == 0 && Buffer == N;

    /// <summary>The i-th word from the top of the stack, -1 when the stack is shallower.</summary>
    public int Stack(int i) => i < StackCount ? _stack[StackCount - 1 - i] : -1;

    public int StackAt(int depth) => _stack[depth];

    public static int Left(int label) => 2 + label * 2;

    public static int Right(int label) => 3 + label * 2;

    public static int Classes(int labels) => 2 + labels * 2;

    /// <summary>Whether <paramref name="action"/> may be taken; <paramref name="rootLabel"/> is the label number of `root`.</summary>
    public bool IsValid(int action, int rootLabel)
    {
        int s0 = Stack(0);
        switch (action)
        {
            case Shift: return Buffer < N;
            case Reduce: return s0 >= 0 && Heads[s0] >= 0;
        }
        if (s0 < 0) return false;
        int label = (action - 2) >> 1;
        bool left = (action & 1) == 0;
        if (left) return Heads[s0] < 0 && (Buffer == N ? label == rootLabel : label != rootLabel);
        return Buffer < N && label != rootLabel;
    }

    public void Apply(int action)
    {
        switch (action)
        {
            case Shift:
                _stack[StackCount++] = Buffer++;
                return;
            case Reduce:
                StackCount--;
                return;
        }
        int label = (action - 2) >> 1;
        int s0 = _stack[StackCount - 1];
        if ((action & 1) == 0)
        {
            AddArc(Buffer, s0, label);
            StackCount--;
        }
        else
        {
            AddArc(s0, Buffer, label);
            _stack[StackCount++] = Buffer++;
        }
    }

    private void AddArc(int head, int dependent, int label)
    {
        Heads[dependent] = head;
        Labels[dependent] = label;
        ulong bit = 1UL << (label & 63);
        if (dependent < head)
        {
            LeftCount[head]++;
            LeftLabels[head] |= bit;
            if (LeftChild1[head] < 0 || dependent < LeftChild1[head]) { LeftChild2[head] = LeftChild1[head]; LeftChild1[head] = dependent; }
            else if (LeftChild2[head] < 0 || dependent < LeftChild2[head]) LeftChild2[head] = dependent;
        }
        else
        {
            RightCount[head]++;
            RightLabels[head] |= bit;
            if (RightChild1[head] < 0 || dependent > RightChild1[head]) { RightChild2[head] = RightChild1[head]; RightChild1[head] = dependent; }
            else if (RightChild2[head] < 0 || dependent > RightChild2[head]) RightChild2[head] = dependent;
        }
    }

    /// <summary>
    /// The dynamic oracle's costs of every action into <paramref name="costs"/>: how many arcs of the gold
    /// tree (heads with N for the root, projective) each makes unreachable, a wrong label counting as one;
    /// invalid actions get int.MaxValue.
    /// </summary>
    public void Costs(int[] goldHeads, int[] goldLabels, int rootLabel, Span<int> costs)
    {
        int s0 = Stack(0);
        int b = Buffer;
        costs.Fill(int.MaxValue);
        if (IsValid(Shift, rootLabel))
        {
            int cost = 0;
            for (int d = 0; d < StackCount; d++)
            {
                int k = _stack[d];
                if (goldHeads[b] == k) cost++;
                if (goldHeads[k] == b && Heads[k] < 0) cost++;
            }
            costs[Shift] = cost;
        }
        if (s0 < 0) return;
        // Dependents of s0 still in the buffer are lost when s0 leaves the stack.
        int buffered = 0;
        for (int k = b; k < N; k++) if (goldHeads[k] == s0) buffered++;
        if (IsValid(Reduce, rootLabel)) costs[Reduce] = buffered;
        if (Heads[s0] < 0)
        {
            // LEFT: s0 takes b as head and leaves the stack.
            int h = goldHeads[s0];
            int arc = buffered + (h > b ? 1 : 0);
            int labels = costs.Length / 2 - 1;
            for (int l = 0; l < labels; l++)
            {
                int a = Left(l);
                if (IsValid(a, rootLabel)) costs[a] = arc + (h == b && goldLabels[s0] != l ? 1 : 0);
            }
        }
        if (b < N)
        {
            // RIGHT: b takes s0 as head and is pushed: no other head anywhere, no dependents left on the stack.
            int hb = goldHeads[b];
            int arc = 0;
            if (hb > b) arc++;
            else if (hb != s0)
            {
                for (int d = 0; d < StackCount; d++) if (_stack[d] == hb) { arc++; break; }
            }
            for (int d = 0; d < StackCount; d++)
            {
                int k = _stack[d];
                if (goldHeads[k] == b && Heads[k] < 0) arc++;
            }
            int labels = costs.Length / 2 - 1;
            for (int l = 0; l < labels; l++)
            {
                int a = Right(l);
                if (IsValid(a, rootLabel)) costs[a] = arc + (hb == s0 && goldLabels[b] != l ? 1 : 0);
            }
        }
    }
}
