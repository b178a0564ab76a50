namespace DiffGen;

/// <summary>
/// How a generated <c>{M}Jacobian</c> builds the outputs × inputs matrix: one forward-mode pass per input
/// coordinate (a column each) or one reverse-mode pass per output coordinate (a row each).
/// </summary>
public enum JacobianStrategy
{
    /// <summary>
    /// The cheaper one for the lengths of this call: forward columns when the differentiable inputs number at most
    /// the outputs (n ≤ m), reverse rows otherwise, min(n, m) passes either way. A forward pass usually costs less
    /// than a reverse one (no tape), so a tie goes to columns.
    /// </summary>
    Auto = 0,

    /// <summary>Column j is <c>{M}Tangent</c> along the unit direction e_j: n forward passes.</summary>
    ForwardColumns = 1,

    /// <summary>Row i is <c>{M}Pullback</c> from the unit seed e_i: m reverse passes.</summary>
    ReverseRows = 2,
}
