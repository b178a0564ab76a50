namespace DiffGen;

/// <summary>
/// One output pixel of a 2-D pooling: its index in the whole output and the input pixels its window covers,
/// clipped to the input: rows <c>[RowLo, RowHi)</c> and columns <c>[ColumnLo, ColumnHi)</c> of the plane that
/// starts at <see cref="InputOffset"/>.
/// </summary>
/// <param name="Output">Index of the output pixel in the whole output.</param>
/// <param name="InputOffset">Index of the first pixel of the window's input plane.</param>
/// <param name="RowLo">First input row of the window.</param>
/// <param name="RowHi">One past the last input row.</param>
/// <param name="ColumnLo">First input column of the window.</param>
/// <param name="ColumnHi">One past the last input column.</param>
internal readonly record struct PoolWindow(int Output, int InputOffset, int RowLo, int RowHi, int ColumnLo, int ColumnHi);
