using Dyad.Cli;

return DyadCli.Run(args, Console.Out, Console.Error);
