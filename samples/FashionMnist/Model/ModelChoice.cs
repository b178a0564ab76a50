using System;
using DiffGen.Training;

namespace DiffGen.Samples.FashionMnist.Model;

/// <summary>The models the sample trains (<c>--model</c>).</summary>
public enum ModelKind
{
    /// <summary>784-256-128-10 MLP (the default).</summary>
    Mlp,

    /// <summary>LeNet-5.</summary>
    LeNet,

    /// <summary>LeNet-5 with batch normalization.</summary>
    LeNetBn,

    /// <summary>Dense auto-encoder.</summary>
    Autoencoder,
}

/// <summary>How long and how a model trains unless the command line says otherwise.</summary>
/// <param name="Epochs">Epochs.</param>
/// <param name="Cosine">Whether the learning rate decays along a cosine over the epochs.</param>
/// <param name="Augment">Whether the training images are cropped (padding 2) and flipped at random.</param>
public sealed record TrainingDefaults(int Epochs, bool Cosine, bool Augment);

/// <summary>Parsing and construction of <see cref="ModelKind"/>.</summary>
public static class ModelChoice
{
    /// <summary>The model named on the command line.</summary>
    /// <param name="name">mlp, lenet, lenet-bn or autoencoder.</param>
    /// <returns>Its kind.</returns>
    public static ModelKind Parse(string name) => name.ToLowerInvariant() switch
    {
        "mlp" => ModelKind.Mlp,
        "lenet" => ModelKind.LeNet,
        "lenet-bn" => ModelKind.LeNetBn,
        "autoencoder" => ModelKind.Autoencoder,
        _ => throw new ArgumentException($"Unknown model '{name}': use mlp, lenet, lenet-bn or autoencoder."),
    };

    /// <summary>
    /// The training each model gets by default. The dense models: 10 epochs at a constant rate. The convolutional
    /// ones overfit after 6 to 9 epochs at a constant rate on the plain images, so they train for 20 epochs
    /// on cropped and flipped images with the rate decaying along a cosine, as is usual for image classifiers.
    /// </summary>
    /// <param name="kind">Which model.</param>
    /// <returns>Its defaults.</returns>
    public static TrainingDefaults Defaults(ModelKind kind) => kind switch
    {
        ModelKind.LeNet or ModelKind.LeNetBn => new(Epochs: 20, Cosine: true, Augment: true),
        _ => new(Epochs: 10, Cosine: false, Augment: false),
    };

    /// <summary>A freshly initialised model.</summary>
    /// <param name="kind">Which.</param>
    /// <param name="seed">Seed of the initialisation.</param>
    /// <param name="train">Training set (the auto-encoder's mean-image baseline).</param>
    /// <returns>The model.</returns>
    public static ImageModel Create(ModelKind kind, int seed, LabeledDataset<float> train) => kind switch
    {
        ModelKind.LeNet => new LeNetModel(seed),
        ModelKind.LeNetBn => new LeNetBnModel(seed),
        ModelKind.Autoencoder => new AutoencoderModel(train, seed),
        _ => new MlpModel(seed),
    };
}
