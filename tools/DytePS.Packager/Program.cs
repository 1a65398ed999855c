// Entry point; see CommandLine.Usage.
return DytePS.Packager.CommandLine.Run(args, Console.Out, Console.Error);
