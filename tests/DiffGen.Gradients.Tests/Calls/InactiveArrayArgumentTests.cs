using Xunit;

namespace DiffGen.Gradients.Tests.Calls;

/// <summary>A [NoDerivative] array passed to a callee's differentiable array parameter: its adjoint has nowhere to go and must not be written.</summary>
public class InactiveArrayArgumentTests
{
    [Fact]
    public void NoDerivativeArrayAsACalleesDifferentiableArgument_GradientIsRight()
    {
        double[] w = { 0.5, -1.5, 2.0 }, data = { 1.25, 0.75, -0.5 };
        var dw = new double[3];
        InactiveArrayArguments.CallerGradient(w, data, dw);
        // d/dw_i [sum w x² + sum x w²] = x_i² + 2 x_i w_i
        for (int i = 0; i < 3; i++) Assert.Equal(data[i] * data[i] + 2 * data[i] * w[i], dw[i], 12);
    }
}
