using System;
using System.IO;

namespace DiffGen.Benchmarks;

/// <summary>Finds the workplace's shared/ folder (beside the repository) from the running binary.</summary>
public static class SharedData
{
    /// <summary>The absolute path of <paramref name="relative"/> under shared/; throws naming it if absent.</summary>
    public static string Folder(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "shared", relative);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"Cannot find shared/{relative} above {AppContext.BaseDirectory}.");
    }
}
