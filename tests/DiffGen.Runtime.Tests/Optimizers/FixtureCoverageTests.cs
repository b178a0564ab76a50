using System.Linq;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

public class FixtureCoverageTests
{
    /// <summary>Every file the parity tests load. A new fixture file fails this test until a parity test uses it.</summary>
    private static readonly string[] Covered =
    [
        "sgd.json", "sgd_momentum.json", "sgd_momentum_nesterov.json", "sgd_momentum_dampening_wd.json",
        "adam.json", "adam_amsgrad.json", "adam_wd.json", "adamw.json", "adamw_amsgrad.json",
        "adagrad.json", "adagrad_lrdecay_wd.json", "adadelta.json", "rmsprop.json", "rmsprop_centered_momentum.json",
        "adamax.json", "nadam.json", "nadam_foreach.json", "radam.json", "rprop.json", "asgd.json", "asgd_t0_10.json",
        "inna_a05_b01_const.json", "inna_a05_b01_const_psi0grad.json", "inna_a05_b01_sqrtdecay.json", "inna_a05_b01_sqrtdecay_psi0grad.json",
        "inna_a13_b01_const.json", "inna_a13_b01_const_psi0grad.json", "inna_a13_b01_sqrtdecay.json", "inna_a13_b01_sqrtdecay_psi0grad.json",
        "lbfgs.json", "lbfgs_far.json", "lbfgs_strong_wolfe.json", "lbfgs_strong_wolfe_far.json",
    ];

    [Fact]
    public void EveryFixtureFile_HasAParityTest() =>
        Assert.Equal(OptimFixture.Files("").Order().ToArray(), Covered.Order().ToArray());
}
