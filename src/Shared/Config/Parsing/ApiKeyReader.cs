using Platform.Shared.Security;
using YamlDotNet.RepresentationModel;

namespace Platform.Shared.Config;

internal static class ApiKeyReader
{
    private const int MinimumKeyLength = 20;

    public static ApiKeyConfig? Read(ParseContext context, YamlNode node, TenantNames names)
    {
        var map = YamlMap.From(context, node, "api key",
            "name", "key", "endpoints", "routes", "models", "requestsPerMinute", "tokensPerMinute", "expiresAt");
        if (map is null)
        {
            return null;
        }

        var name = Rules.Name(map, "api key");
        var key = map.String("key");
        if (key is not null && (key.Length < MinimumKeyLength || !key.StartsWith(ApiKeySecret.Marker, StringComparison.Ordinal)))
        {
            map.Error("key", $"api key '{name}' must start with '{ApiKeySecret.Marker}' and be at least {MinimumKeyLength} characters long");
        }

        var apiKey = new ApiKeyConfig
        {
            Name = name ?? "",
            Key = key,
            Endpoints = map.Strings("endpoints", Rules.OneOf(context, ConfigVocabulary.Endpoints, "endpoint")),
            Routes = map.Strings("routes", Refer(names, TenantNames.Route, name)),
            Models = map.Strings("models", Refer(names, TenantNames.Model, name)),
            RequestsPerMinute = map.Int("requestsPerMinute", 1),
            TokensPerMinute = map.Int("tokensPerMinute", 1),
            ExpiresAt = map.Timestamp("expiresAt"),
            Location = map.Location,
        };
        return name is not null && names.Declare("api key", name, map["name"]!) ? apiKey : null;
    }

    private static Func<YamlNode, string, bool> Refer(TenantNames names, string kind, string? key) =>
        (node, target) =>
        {
            names.Refer(kind, target, node, $"api key '{key}' is scoped to unknown {kind} '{target}'");
            return true;
        };
}
