using System;
using DiffGen.Samples.FashionMnist.App;

return Cli.Run(args, Console.Error);
