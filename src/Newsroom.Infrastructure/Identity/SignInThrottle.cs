using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newsroom.Application.Auth;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.Infrastructure.Identity;

/// <summary>
/// The sign-in throttle in PostgreSQL, shared by every instance. Each attempt locks its three rows (creating the
/// missing ones) in one short transaction, decides, counts, and commits before any password is hashed.
/// </summary>
internal sealed class SignInThrottle(NewsroomDbContext db, IOptions<SignInThrottleOptions> options, TimeProvider clock) : ISignInThrottle
{
    /// <summary>One attempt in this many also deletes rows nobody needs any more (failures forgotten, address no longer known).</summary>
    private const int CleanUpOneIn = 200;

    private SignInThrottleOptions Rules => options.Value;

    public async Task<TimeSpan?> AdmitAsync(SignInKeys keys, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await LockAsync(keys, cancellationToken);
        var counted = Counted(rows, now);
        var wait = counted.Select(c => SignInThrottlePolicy.Wait(Count(c.Row), now)).Max();
        if (wait is null)
        {
            foreach (var (row, free) in counted)
            {
                Apply(row, SignInThrottlePolicy.CountFailure(Count(row), free, now, Rules));
            }

            await db.SaveChangesAsync(cancellationToken);
            if (RandomNumberGenerator.GetInt32(CleanUpOneIn) == 0)
            {
                await CleanUpAsync(now, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        Forget(rows);
        return wait;
    }

    public async Task SucceededAsync(SignInKeys keys, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await LockAsync(keys, cancellationToken);
        foreach (var (row, free) in Counted(rows, now))
        {
            Apply(row, row == rows.Pair ? new ThrottleCount(0, null, null) : SignInThrottlePolicy.TakeBackFailure(Count(row), free, now, Rules));
        }

        rows.Pair.LastSucceededAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Forget(rows);
    }

    public Task ClearAccountAsync(string account, CancellationToken cancellationToken) =>
        db.SignInThrottles.Where(t => t.Account == account)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.Failures, 0).SetProperty(t => t.BlockedUntil, (DateTimeOffset?)null).SetProperty(t => t.LastFailureAt, (DateTimeOffset?)null), cancellationToken);

    /// <summary>
    /// The keys that count this attempt: always the account from this address and the address; the account from
    /// everywhere only when this address is not one the account signed in from lately, so guessing spread over many
    /// addresses never slows the owner down at their usual place.
    /// </summary>
    private List<(SignInThrottleRecord Row, int Free)> Counted(Rows rows, DateTimeOffset now)
    {
        var counted = new List<(SignInThrottleRecord, int)> { (rows.Pair, Rules.FreeFailuresPerAccountAndAddress), (rows.Address, Rules.FreeFailuresPerAddress) };
        var known = rows.Pair.LastSucceededAt is { } success && now - success < Rules.KnownAddressFor;
        if (!known)
        {
            counted.Add((rows.Account, Rules.FreeFailuresPerAccount));
        }

        return counted;
    }

    private async Task<Rows> LockAsync(SignInKeys keys, CancellationToken cancellationToken)
    {
        var (account, address) = (keys.Account, keys.Address);
        // Inserted in key order, like the lock below, so concurrent attempts on the same keys queue instead of deadlocking.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO sign_in_throttles (account, address, failures)
            SELECT v.account, v.address, 0
            FROM (VALUES ({account}, {address}), ('', {address}), ({account}, '')) AS v(account, address)
            ORDER BY v.account COLLATE "C", v.address COLLATE "C"
            ON CONFLICT DO NOTHING
            """, cancellationToken);

        var rows = await db.SignInThrottles.FromSql($"""
            SELECT * FROM sign_in_throttles
            WHERE (account = {account} AND address = {address}) OR (account = '' AND address = {address}) OR (account = {account} AND address = '')
            ORDER BY account, address
            FOR UPDATE
            """).ToListAsync(cancellationToken);
        return new Rows(
            rows.Single(r => r.Account == account && r.Address == address),
            rows.Single(r => r.Account.Length == 0 && r.Address == address),
            rows.Single(r => r.Account == account && r.Address.Length == 0));
    }

    private Task CleanUpAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var forgotten = now - Rules.FailureMemory;
        var unknown = now - Rules.KnownAddressFor;
        return db.SignInThrottles
            .Where(t => (t.LastFailureAt == null || t.LastFailureAt < forgotten) && (t.BlockedUntil == null || t.BlockedUntil < now)
                        && (t.LastSucceededAt == null || t.LastSucceededAt < unknown))
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Stops tracking the rows: a later lock in the same request must read them afresh (a tracked entity is not
    /// refreshed by a query), and Identity's saves must not write them again.
    /// </summary>
    private void Forget(Rows rows)
    {
        foreach (var row in new[] { rows.Pair, rows.Address, rows.Account })
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }

    private static ThrottleCount Count(SignInThrottleRecord row) => new(row.Failures, row.LastFailureAt, row.BlockedUntil);

    private static void Apply(SignInThrottleRecord row, ThrottleCount count)
    {
        row.Failures = count.Failures;
        row.LastFailureAt = count.LastFailureAt;
        row.BlockedUntil = count.BlockedUntil;
    }

    private sealed record Rows(SignInThrottleRecord Pair, SignInThrottleRecord Address, SignInThrottleRecord Account);
}
