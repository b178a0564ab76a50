using System;
using System.IO;

namespace DiffGen.Gradients.Tests.Arrays.Support;

/// <summary>Finds the project's shared data folder (a sibling of the repository root, e.g. /work/shared).</summary>
internal static class SharedData
{
    /// <summary>
    /// The <c>shared/data/adbench-gmm</c> folder: walks up from the test binary's directory until a
    /// directory has it as <c>shared/data/adbench-gmm</c>; throws naming where it looked otherwise.
    /// </summary>
    public static string GmmFolder()
    {
        string start = AppContext.BaseDirectory;
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "shared", "data", "adbench-gmm");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"No shared/data/adbench-gmm folder in any ancestor of '{start}'.");
    }

    public static string GmmFile(string relativePath) => Path.Combine(GmmFolder(), relativePath);
}
