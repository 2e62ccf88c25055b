using Microsoft.Extensions.Primitives;

namespace Platform.Simulator.Scripting;

internal sealed class ScriptResolver(ScriptRegistry registry)
{
    public bool TryResolve(IHeaderDictionary headers, string model, out EffectiveScript script, out string? error)
    {
        var entry = registry.Find(model);
        var modelScript = entry?.Script;
        error = null;

        SimulatorFault fault;
        if (headers.TryGetValue(SimulatorHeaders.Fault, out var faultHeader) && !StringValues.IsNullOrEmpty(faultHeader))
        {
            if (!SimulatorFaults.TryParse(faultHeader.ToString(), out fault))
            {
                script = default;
                error = $"Unknown {SimulatorHeaders.Fault} '{faultHeader}'. Known: {string.Join(", ", SimulatorFaults.Names)}.";
                return false;
            }
        }
        else
        {
            fault = entry?.TakeFault() ?? SimulatorFault.None;
        }

        script = new EffectiveScript(
            LatencyMs: Header(headers, SimulatorHeaders.LatencyMs) ?? modelScript?.LatencyMs ?? 0,
            TtftMs: Header(headers, SimulatorHeaders.TtftMs) ?? modelScript?.TtftMs ?? 0,
            ChunkGapMs: Header(headers, SimulatorHeaders.ChunkGapMs) ?? modelScript?.ChunkGapMs ?? 0,
            Fault: fault,
            RetryAfterSeconds: Header(headers, SimulatorHeaders.RetryAfter) ?? modelScript?.RetryAfterSeconds ?? 1,
            CachedTokens: Header(headers, SimulatorHeaders.CachedTokens) ?? modelScript?.CachedTokens ?? 0,
            ContextWindow: modelScript?.ContextWindow);
        return true;
    }

    private static int? Header(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var value) && int.TryParse(value.ToString(), out var number) && number >= 0
            ? number
            : null;
}
