using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.Shared.Data;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Api;

/// <summary>
/// Saves a policy change (with its audit entry, already added) in one transaction, and runs a check
/// against the saved state before committing: a change to a model, provider or tier is refused when
/// it would leave a route that uses it unable to serve under its own constraints. Checking the
/// saved rows, rather than re-deriving them in memory, sees exactly what the data plane will load.
/// The execution strategy wraps it so a retrying provider (SQL Server) accepts the transaction.
/// </summary>
internal static class PolicyWrites
{
    /// <param name="check">Returns why the change must be refused, or null; runs inside the transaction.</param>
    /// <returns>Null when saved; 412 when the row changed meanwhile; 409 with the check's reason.</returns>
    public static async Task<IResult?> SaveAsync(PlatformDbContext db, Func<CancellationToken, Task<string?>>? check, CancellationToken ct) =>
        await TrySaveAsync(db, check, ct) is { } refused ? Problems.Of(refused) : null;

    /// <summary>As <see cref="SaveAsync"/>, for operations: the refusal as a <see cref="Failure"/>.</summary>
    public static async Task<Failure?> TrySaveAsync(PlatformDbContext db, Func<CancellationToken, Task<string?>>? check, CancellationToken ct)
    {
        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync<Failure?>(async attempt =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(attempt);
                await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, attempt);
                if (check is not null && await check(attempt) is { } refusal)
                {
                    return Failure.Conflict(refusal);
                }

                await transaction.CommitAsync(attempt);
                db.ChangeTracker.AcceptAllChanges();
                return null;
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.PreconditionFailed();
        }
    }
}
