using System;
using System.IO;
using System.IO.Compression;
using DiffGen.Samples.FashionMnist.App;
using Xunit;

namespace DiffGen.Training.Tests;

/// <summary>The sample's command on bad input: one line <c>error: ...</c> and exit code 2, before any training.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("diffgen-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("--bogus", "Unknown option '--bogus'")]
    [InlineData("--epochs x", "--epochs needs a positive whole number, not 'x'")]
    [InlineData("--batch 0", "--batch needs a positive whole number, not '0'")]
    [InlineData("--lr -1", "--lr needs a positive number")]
    [InlineData("--model resnet", "Unknown model 'resnet'")]
    [InlineData("--optimizer", "--optimizer needs a value")]
    [InlineData("--crop-padding 9", "--crop-padding needs a whole number from 0 to 8, not '9'")]
    [InlineData("--precision half", "--precision needs float or double, not 'half'")]
    [InlineData("--relu-at-zero x", "--relu-at-zero needs a number, not 'x'")]
    [InlineData("--model lenet --precision double", "--precision double and --relu-at-zero apply to --model mlp only")]
    [InlineData("--precision double --optimizer sgd --embedded", "--precision double trains with --optimizer adam only")]
    public void BadFlag_IsOneLineError(string line, string expected)
    {
        string error = RunExpectingBadInput(line.Split(' '));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void TruncatedIdxFile_InDataDirectory_IsOneLineErrorNamingIt()
    {
        // Well-formed files of two images and labels, except the training images, cut after 3 pixels.
        byte[] header = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 28, 0, 0, 0, 28];
        string images = Path.Combine(_directory, "train-images-idx3-ubyte.gz");
        WriteGzip(images, [.. header, 1, 2, 3]);
        WriteGzip(Path.Combine(_directory, "t10k-images-idx3-ubyte.gz"), [.. header, .. new byte[2 * 28 * 28]]);
        WriteGzip(Path.Combine(_directory, "train-labels-idx1-ubyte.gz"), [0, 0, 8, 1, 0, 0, 0, 2, 1, 2]);
        WriteGzip(Path.Combine(_directory, "t10k-labels-idx1-ubyte.gz"), [0, 0, 8, 1, 0, 0, 0, 2, 1, 2]);
        string error = RunExpectingBadInput(["--data", _directory]);
        Assert.Contains(images, error);
        Assert.Contains("truncated", error);
    }

    [Fact]
    public void MissingDataDirectory_IsOneLineError()
    {
        string missing = Path.Combine(_directory, "nowhere");
        Assert.Contains("nowhere", RunExpectingBadInput(["--data", missing]));
    }

    [Theory]
    [InlineData("--plot")]
    [InlineData("--checkpoint")]
    public void OutputInMissingDirectory_FailsBeforeTraining_NamingTheFlag(string flag)
    {
        string path = Path.Combine(_directory, "missing", "out.bin");
        string error = RunExpectingBadInput([flag, path, "--embedded"]);
        Assert.Contains($"{flag} {path}", error);
    }

    [Fact]
    public void CorruptCheckpoint_IsOneLineError()
    {
        string checkpoint = Path.Combine(_directory, "run.ckpt");
        File.WriteAllText(checkpoint, "not a checkpoint");
        string error = RunExpectingBadInput(["--embedded", "--no-progress", "--checkpoint", checkpoint, "--plot", Path.Combine(_directory, "p.png")]);
        Assert.Contains("not a DiffGen training checkpoint", error);
    }

    [Fact]
    public void Describe_KeepsBugsOutOfTheOneLineReport()
    {
        Assert.Null(Cli.Describe(new InvalidOperationException("a bug")));
        Assert.Null(Cli.Describe(new NullReferenceException()));
        Assert.Equal("x must be positive.", Cli.Describe(new ArgumentException("x must be positive.", "x")));
        Assert.Equal("denied", Cli.Describe(new UnauthorizedAccessException("denied")));
    }

    /// <summary>Runs the command, asserts exit code 2 and exactly one line <c>error: ...</c>; returns that line.</summary>
    private static string RunExpectingBadInput(string[] args)
    {
        var error = new StringWriter();
        int code = Cli.Run(args, error);
        string text = error.ToString();
        Assert.Equal(Cli.BadInput, code);
        Assert.StartsWith("error: ", text);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        return text;
    }

    private static void WriteGzip(string path, byte[] content)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(content);
    }
}
