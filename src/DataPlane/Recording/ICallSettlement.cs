using Platform.DataPlane.Endpoints;

namespace Platform.DataPlane.Recording;

/// <summary>
/// Told about every finished call of a known tenant, exactly once, whether usage recording is on
/// or off: what a limiter or budget counted or reserved at admission is settled here to what the
/// call really used (or released, for a call that failed or was refused).
/// </summary>
internal interface ICallSettlement
{
    void Settle(CallContext call, in CallResult result, long costNanoUsd);
}
