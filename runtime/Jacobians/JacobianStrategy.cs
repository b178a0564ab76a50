namespace DiffGen;

/// <summary>
/// How a generated <c>{M}Jacobian</c> builds the outputs × inputs matrix: one forward-mode pass per input
/// coordinate (a column each) or one reverse-mode pass per output coordinate (a row each).
/// </summary>
public enum JacobianStrategy
{
    /// <summary>
    /// The cheaper one for the lengths of this call, min(n, m) passes: forward columns when the differentiable inputs
    /// are fewer than the outputs (n &lt; m), reverse rows otherwise. At n = m the generated reverse pass measured as
    /// cheap as the forward one or cheaper, so a tie goes to rows.
    /// </summary>
    Auto = 0,

    /// <summary>Column j is <c>{M}Tangent</c> along the unit direction e_j: n forward passes.</summary>
    ForwardColumns = 1,

    /// <summary>Row i is <c>{M}Pullback</c> from the unit seed e_i: m reverse passes.</summary>
    ReverseRows = 2,
}
