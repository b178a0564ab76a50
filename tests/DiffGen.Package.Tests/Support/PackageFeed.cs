using System;
using System.Globalization;
using System.IO;
using Xunit;

namespace DiffGen.Package.Tests.Support;

/// <summary>
/// Packs the shipped projects (<c>DiffGen.Packages.slnf</c>: DiffGen and DiffGen.Gpu) once per test run into a
/// temporary folder that then serves as the only package source of the consumer apps. The pack runs with
/// <c>--no-build</c>: the test project's build-order references have built both targets of both projects (and the
/// Roslyn components) in this configuration, and a nested build could race the solution build running in parallel.
/// </summary>
public sealed class PackageFeed : IDisposable
{
#if DEBUG
    /// <summary>The configuration this test assembly (and so the packages) were built in.</summary>
    public const string Configuration = "Debug";
#else
    /// <summary>The configuration this test assembly (and so the packages) were built in.</summary>
    public const string Configuration = "Release";
#endif

    /// <summary>Packs into a fresh temporary folder.</summary>
    public PackageFeed()
    {
        RepositoryRoot = FindRepositoryRoot();
        Root = Path.Combine(Path.GetTempPath(), "diffgen-package-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Folder = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Folder);

        // A version no real package has, so restore can only take DiffGen from this feed, never a stale copy from
        // the machine's package cache. PackageVersion changes the .nuspec only, not the (already built) assemblies.
        Version = "0.0.0-consumer-check." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        DotNetCli.Run(RepositoryRoot, null, "pack", "DiffGen.Packages.slnf", "-c", Configuration, "-o", Folder, "--no-build",
                      "-p:PackageVersion=" + Version, "-nodeReuse:false")
                 .EnsureSuccess("dotnet pack DiffGen.Packages.slnf");
    }

    /// <summary>The folder holding <c>DiffGen.sln</c>.</summary>
    public string RepositoryRoot { get; }

    /// <summary>A temporary folder outside the repository: the feed and the consumer apps live under it.</summary>
    public string Root { get; }

    /// <summary>The folder feed with the packed <c>.nupkg</c> and <c>.snupkg</c> files.</summary>
    public string Folder { get; }

    /// <summary>The package version of this run's DiffGen and DiffGen.Gpu.</summary>
    public string Version { get; }

    /// <summary>The path of a package file in the feed, for example <c>DiffGen.0.1.0.nupkg</c>.</summary>
    public string PackagePath(string id, string extension = ".nupkg") => Path.Combine(Folder, $"{id}.{Version}{extension}");

    /// <summary>Deletes the feed and every consumer app.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A compiler server may still hold a file for a moment; the folder is under the temp directory.
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DiffGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"DiffGen.sln not found above {AppContext.BaseDirectory}.");
    }
}

/// <summary>All package tests share one feed and run one after another (each consumer build uses both cores).</summary>
[CollectionDefinition(Name)]
public sealed class PackageFeedCollection : ICollectionFixture<PackageFeed>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "package feed";
}
