using System.Runtime.CompilerServices;

// The primitive tests force each GEMM path (scalar, AVX2, AVX-512) and thread count on one machine.
[assembly: InternalsVisibleTo("DiffGen.Primitives.Tests")]
[assembly: InternalsVisibleTo("DiffGen.Benchmarks.Primitives")]

// The training tests check the augmentation's draws and transform against direct definitions.
[assembly: InternalsVisibleTo("DiffGen.Training.Tests")]
