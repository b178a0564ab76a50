using System;
using System.Collections.Generic;
using System.IO;

namespace DiffGen.Package.Tests.Support;

/// <summary>
/// A fresh console app outside the repository (no Directory.Build.props, global.json or project reference reaches
/// it) that gets DiffGen from <see cref="PackageFeed"/> only: its nuget.config clears every source but the feed,
/// and lists the machine's package cache as a read-only fallback folder for the framework reference packs and
/// DiffGen's own dependencies (System.Numerics.Tensors), so restore needs no network.
/// </summary>
public sealed class ConsumerApp
{
    private readonly PackageFeed _feed;

    /// <summary>Writes the project, nuget.config and <paramref name="program"/> into a new folder.</summary>
    public ConsumerApp(PackageFeed feed, string name, string targetFramework, string packageId, string program)
    {
        _feed = feed;
        TargetFramework = targetFramework;
        Directory = Path.Combine(feed.Root, "apps", name);
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{PackagesFolder(feed)}" />
              </config>
              <packageSources>
                <clear />
                <add key="diffgen-feed" value="{feed.Folder}" />
              </packageSources>
              <fallbackPackageFolders>
                <clear />
                <add key="machine-cache" value="{MachinePackageCache()}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        // net8.0: the app is built against the net8.0 reference pack and DiffGen's lib/net8.0; RollForward=Major
        // lets it run on the newest installed runtime when no 8.0 runtime is installed (the case on the CI image).
        // UseAppHost=false: the 8.0 apphost pack is not needed, the app runs through `dotnet app.dll`.
        File.WriteAllText(Path.Combine(Directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>{targetFramework}</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <UseAppHost>false</UseAppHost>
                <RollForward>Major</RollForward>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{packageId}" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(Directory, "Program.cs"), program);
        Name = name;
    }

    /// <summary>The app's folder.</summary>
    public string Directory { get; }

    /// <summary>The project's (and assembly's) name.</summary>
    public string Name { get; }

    /// <summary>The app's target framework.</summary>
    public string TargetFramework { get; }

    /// <summary>Restores and builds the app in the feed's configuration.</summary>
    public CliResult Build() => DotNetCli.Run(Directory, Environment(), "build", "-c", PackageFeed.Configuration, "-nodeReuse:false");

    /// <summary>Runs the built app and returns what it printed.</summary>
    public CliResult Run() => DotNetCli.Run(Directory, Environment(),
        Path.Combine(Directory, "bin", PackageFeed.Configuration, TargetFramework, Name + ".dll"));

    private IReadOnlyDictionary<string, string> Environment() => new Dictionary<string, string>
    {
        // NUGET_PACKAGES would override nuget.config's globalPackagesFolder.
        ["NUGET_PACKAGES"] = PackagesFolder(_feed),
    };

    private static string PackagesFolder(PackageFeed feed) => Path.Combine(feed.Root, "packages");

    private static string MachinePackageCache()
    {
        string? configured = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        return !string.IsNullOrEmpty(configured)
            ? configured
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }
}
