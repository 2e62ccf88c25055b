using System.Globalization;
using Platform.DataPlane.Configuration;
using Platform.DataPlane.Protocols;

namespace Platform.DataPlane.Prompts;

/// <summary>
/// Which stored prompt a call asks for, from request headers (an OpenAI SDK sends them as
/// <c>default_headers</c> / <c>extra_headers</c>):
/// <list type="table">
/// <item><term><c>x-platform-prompt</c></term><description>the prompt's name; without it the route's prompt binding, if any.</description></item>
/// <item><term><c>x-platform-prompt-label</c></term><description>release label, default <c>production</c> (or the route's label).</description></item>
/// <item><term><c>x-platform-prompt-version</c></term><description>a pinned version number; wins over the label.</description></item>
/// </list>
/// Variables travel in the body's <c>metadata</c> as <c>prompt.&lt;name&gt;</c> (see <see cref="PromptRenderer"/>).
/// </summary>
internal static class PromptHeaders
{
    public const string NameHeader = "x-platform-prompt";
    public const string LabelHeader = "x-platform-prompt-label";
    public const string VersionHeader = "x-platform-prompt-version";
    public const string DefaultLabel = "production";

    /// <summary>The call's prompt, or null when neither the headers nor the route name one.</summary>
    public static PromptSelection? Read(IHeaderDictionary headers, RoutePolicy? route)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var name = Single(headers, NameHeader) ?? route?.PromptName;
        if (name is null)
        {
            return null;
        }

        var versionText = Single(headers, VersionHeader);
        if (versionText is not null)
        {
            if (!int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version <= 0)
            {
                throw new ClientRequestException("must be a positive version number.", VersionHeader, "invalid_header");
            }

            return new PromptSelection(name, null, version);
        }

        // The route's label only goes with the route's own prompt; a prompt the caller names starts from production.
        var routeLabel = Single(headers, NameHeader) is null ? route?.PromptLabel : null;
        return new PromptSelection(name, Single(headers, LabelHeader) ?? routeLabel ?? DefaultLabel, null);
    }

    private static string? Single(IHeaderDictionary headers, string name)
    {
        var value = headers[name].ToString().Trim();
        return value.Length == 0 ? null : value;
    }
}
