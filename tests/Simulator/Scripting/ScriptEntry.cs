namespace Platform.Simulator.Scripting;

/// <summary>A script and how many of its <c>FailFirst</c> faults have been served.</summary>
internal sealed class ScriptEntry(ModelScript script)
{
    private long _faultsServed;

    public ModelScript Script { get; } = script;

    public SimulatorFault TakeFault()
    {
        if (Script.Fault is not { } fault || fault == SimulatorFault.None)
        {
            return SimulatorFault.None;
        }

        if (Script.FailFirst is not { } failFirst)
        {
            return fault;
        }

        return Interlocked.Increment(ref _faultsServed) <= failFirst ? fault : SimulatorFault.None;
    }
}
