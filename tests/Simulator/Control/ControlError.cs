namespace Platform.Simulator.Control;

internal sealed record ControlError(string Error);
