using AngleSharp.Dom;

namespace Dyad.Ingest.Html;

/// <summary>
/// Bounded walks over an AngleSharp DOM. Every traversal here is iterative (an explicit stack, never
/// the call stack) and stops descending past <see cref="MaxDepth"/>, so a page nested ten thousand
/// deep is read in time proportional to its size.
/// </summary>
internal static class HtmlDom
{
    /// <summary>Elements nested deeper than this below the walk's root are not visited.</summary>
    public const int MaxDepth = 20_000;

    /// <summary>The descendants of <paramref name="root"/> (not itself) in document order, up to <see cref="MaxDepth"/>.</summary>
    public static IEnumerable<IElement> Descendants(INode root)
    {
        var stack = new Stack<(INode Node, int Depth)>();
        Push(stack, root, 0);
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (node is IElement element) yield return element;
            if (depth < MaxDepth) Push(stack, node, depth);
        }

        static void Push(Stack<(INode, int)> stack, INode parent, int depth)
        {
            var children = parent.ChildNodes;
            for (int i = children.Length - 1; i >= 0; i--)
            {
                if (children[i] is IElement) stack.Push((children[i], depth + 1));
            }
        }
    }

    /// <summary>The descendants named <paramref name="tag"/> (lower case).</summary>
    public static IEnumerable<IElement> ByTag(INode root, string tag) =>
        Descendants(root).Where(e => e.LocalName == tag);

    /// <summary>The text of <paramref name="root"/> with runs of white space collapsed to one space, trimmed.</summary>
    public static string Text(INode root, int maxLength = int.MaxValue)
    {
        var text = new System.Text.StringBuilder();
        bool space = false;
        foreach (var piece in TextNodes(root))
        {
            foreach (char c in piece)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = text.Length > 0;
                    continue;
                }
                if (space) text.Append(' ');
                space = false;
                text.Append(c);
            }
            if (text.Length >= maxLength) break;
        }
        return text.ToString();
    }

    /// <summary>The raw data of the text nodes under <paramref name="root"/>, in order, skipping scripts and styles.</summary>
    public static IEnumerable<string> TextNodes(INode root)
    {
        var stack = new Stack<(INode Node, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (node is IText t)
            {
                yield return t.Data;
                continue;
            }
            if (node is IElement e && e.LocalName is "script" or "style" or "template" or "noscript") continue;
            if (depth >= MaxDepth) continue;
            var children = node.ChildNodes;
            for (int i = children.Length - 1; i >= 0; i--) stack.Push((children[i], depth + 1));
        }
    }

    /// <summary>Length of the collapsed text under <paramref name="root"/> and the part of it inside links.</summary>
    public static (int Text, int Linked) TextAndLinkLength(INode root)
    {
        int total = 0, linked = 0;
        var stack = new Stack<(INode Node, int Depth, bool InLink)>();
        stack.Push((root, 0, false));
        while (stack.Count > 0)
        {
            var (node, depth, inLink) = stack.Pop();
            if (node is IText t)
            {
                int n = CountNonSpace(t.Data);
                total += n;
                if (inLink) linked += n;
                continue;
            }
            if (node is IElement e && e.LocalName is "script" or "style" or "template" or "noscript") continue;
            if (depth >= MaxDepth) continue;
            bool link = inLink || node is IElement { LocalName: "a" };
            var children = node.ChildNodes;
            for (int i = children.Length - 1; i >= 0; i--) stack.Push((children[i], depth + 1, link));
        }
        return (total, linked);
    }

    private static int CountNonSpace(string s)
    {
        int n = 0;
        foreach (char c in s) if (!char.IsWhiteSpace(c)) n++;
        return n;
    }

    /// <summary>How deep <paramref name="element"/> stands below the document root.</summary>
    public static int Depth(IElement element)
    {
        int depth = 0;
        for (var e = element.ParentElement; e is not null; e = e.ParentElement) depth++;
        return depth;
    }
}
