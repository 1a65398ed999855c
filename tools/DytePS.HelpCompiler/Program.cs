// Entry point; see CommandLine.Usage.
return DytePS.HelpCompiler.CommandLine.Run(args, Console.Out, Console.Error);
