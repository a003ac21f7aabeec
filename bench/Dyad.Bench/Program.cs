using Dyad.Bench;

// Benchmarks measure throughput and memory of whole stages on realistic input.
// Usage: dotnet run -c Release --project bench/Dyad.Bench -- [name...]   (no name: all)
var all = Benchmarks.All;
var chosen = args.Length == 0 ? all : all.Where(b => args.Contains(b.Name, StringComparer.OrdinalIgnoreCase)).ToList();
if (chosen.Count == 0)
{
    Console.Error.WriteLine($"unknown benchmark; known: {string.Join(", ", all.Select(b => b.Name))}");
    return 2;
}
foreach (var benchmark in chosen)
{
    Console.WriteLine($"== {benchmark.Name}");
    benchmark.Run(Console.Out);
}
return 0;
