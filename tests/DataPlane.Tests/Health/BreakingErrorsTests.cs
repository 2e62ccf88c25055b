using Platform.DataPlane.Forwarding;
using Platform.DataPlane.Health;
using Platform.Shared.Config;

namespace Platform.DataPlane.Tests.Health;

/// <summary>The breaker's rule and the shared list the control plane infers circuit state from must name the same classes.</summary>
public sealed class BreakingErrorsTests
{
    [Fact]
    public void IsBreaking_EveryErrorClass_AgreesWithTheSharedList()
    {
        var breaking = Enum.GetValues<ErrorClass>().Where(BreakingErrors.IsBreaking).Select(c => c.ToName());

        Assert.Equal(ConfigVocabulary.BreakingErrorClasses.Order(), breaking.Order());
    }
}
