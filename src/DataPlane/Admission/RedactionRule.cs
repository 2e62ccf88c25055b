using Platform.DataPlane.Configuration;
using Platform.DataPlane.Routing;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Admission;

/// <summary>
/// Whether a call's text is redacted: its route says <see cref="Sensitivity.Redact"/> or the call
/// sends <c>x-platform-sensitivity: redact</c>. The stricter wins, so a caller can ask for
/// redaction but never switch a route's off; private-only routing is the selector's job.
/// </summary>
internal static class RedactionRule
{
    public static bool Applies(RoutePolicy? route, in CallConstraints constraints) =>
        route?.Sensitivity == Sensitivity.Redact || constraints.Sensitivity == Sensitivity.Redact;
}
