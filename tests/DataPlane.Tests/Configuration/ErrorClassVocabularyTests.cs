using Platform.DataPlane.Forwarding;
using Platform.Shared.Config;

namespace Platform.DataPlane.Tests.Configuration;

public sealed class ErrorClassVocabularyTests
{
    [Fact]
    public void ConfigVocabulary_EveryErrorClassName_IsOneTheDataPlaneKnows()
    {
        var unknown = ConfigVocabulary.ErrorClasses.Where(name => !ErrorClassNames.TryParse(name, out _)).ToList();

        Assert.Empty(unknown);
        Assert.Contains("auth", ConfigVocabulary.ErrorClasses);
    }

    [Fact]
    public void ConfigVocabulary_NeverOffersClassesThatCannotRetryOrFallBack()
    {
        // content_filter and bad_request are returned at once whatever a policy says (README table).
        Assert.DoesNotContain("content_filter", ConfigVocabulary.ErrorClasses);
        Assert.DoesNotContain("bad_request", ConfigVocabulary.ErrorClasses);
    }
}
