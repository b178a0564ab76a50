using System;

return DiffGen.GpuCheck.GpuCheck.Run(args, Console.Out);
