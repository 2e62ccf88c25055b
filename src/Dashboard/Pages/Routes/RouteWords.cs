using Platform.Shared.Config;

namespace Platform.Dashboard.Pages.Routes;

/// <summary>The words the route form offers, from the config vocabulary the validator checks against.</summary>
public static class RouteWords
{
    public static IEnumerable<string> Strategies => ConfigVocabulary.Strategies.Names;

    public static IEnumerable<string> Sensitivities => ConfigVocabulary.Sensitivities.Names;
}
