using Platform.Simulator.Scripting;

namespace Platform.Simulator.Faults;

/// <summary>A request that passed the gate: its script, and the fault still to play on the body.</summary>
internal readonly record struct GateResult(EffectiveScript Script, SimulatorFault BodyFault);
