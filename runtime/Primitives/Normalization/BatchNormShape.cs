namespace DiffGen;

/// <summary>The checked shape of a batch normalization: <c>Batch x Channels x Spatial</c>, one statistic per channel.</summary>
internal readonly record struct BatchNormShape(int Batch, int Channels, int Spatial)
{
    /// <summary>Values per channel: <c>Batch x Spatial</c>.</summary>
    public long Count => (long)Batch * Spatial;

    /// <summary>Where channel <paramref name="c"/> of sample <paramref name="n"/> starts.</summary>
    public int Offset(int n, int c) => (n * Channels + c) * Spatial;
}
