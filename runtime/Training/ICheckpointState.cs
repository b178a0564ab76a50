using System.IO;

namespace DiffGen.Training;

/// <summary>
/// Model state outside the trainable parameters that a checkpoint must carry, such as batch normalization's
/// running statistics (PyTorch keeps these as a module's buffers, saved in its state dict). Given as
/// <see cref="TrainerOptions.CheckpointState"/>, it is written after the optimizer state and restored with
/// the parameters.
/// </summary>
public interface ICheckpointState
{
    /// <summary>Writes the state.</summary>
    /// <param name="stream">Destination; the trainer stores its length, so the format needs no terminator.</param>
    void SaveState(Stream stream);

    /// <summary>
    /// Restores what <see cref="SaveState"/> wrote. Throws <see cref="InvalidDataException"/> without changing
    /// anything when the bytes do not fit this model.
    /// </summary>
    /// <param name="stream">The bytes <see cref="SaveState"/> wrote, and nothing else.</param>
    void LoadState(Stream stream);
}
