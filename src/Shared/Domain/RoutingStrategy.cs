namespace Platform.Shared.Domain;

public enum RoutingStrategy
{
    Priority = 0,
    Weighted = 1,
    LeastLatency = 2,
    LeastCost = 3,
    Hedged = 4,
}
