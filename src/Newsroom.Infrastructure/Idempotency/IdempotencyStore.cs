using Microsoft.EntityFrameworkCore;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.Infrastructure.Idempotency;

/// <summary>
/// A pending row is inserted before the request runs, so two concurrent retries can't both create: the second
/// one hits the primary key and is told the first is in progress.
/// </summary>
internal sealed class IdempotencyStore(NewsroomDbContext db, TimeProvider clock) : IIdempotencyStore
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public async Task<(IdempotencyOutcome Outcome, StoredResponse? Response)> BeginAsync(Guid userId, string key, string requestHash, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync(
            $"DELETE FROM idempotency_records WHERE user_id = {userId} AND key = {key} AND created_at < {now - Lifetime}", cancellationToken);
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO idempotency_records (user_id, key, request_hash, status_code, location, response_body, created_at) VALUES ({userId}, {key}, {requestHash}, 0, NULL, '', {now}) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (inserted == 1)
        {
            return (IdempotencyOutcome.Started, null);
        }

        var existing = await db.IdempotencyRecords.AsNoTracking().FirstAsync(r => r.UserId == userId && r.Key == key, cancellationToken);
        if (existing.RequestHash != requestHash)
        {
            return (IdempotencyOutcome.Mismatch, null);
        }

        return existing.StatusCode == 0
            ? (IdempotencyOutcome.InProgress, null)
            : (IdempotencyOutcome.Replay, new StoredResponse(existing.StatusCode, existing.Location, existing.ResponseBody));
    }

    public Task CompleteAsync(Guid userId, string key, StoredResponse response, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"UPDATE idempotency_records SET status_code = {response.StatusCode}, location = {response.Location}, response_body = {response.Body} WHERE user_id = {userId} AND key = {key}",
            cancellationToken);

    public Task AbandonAsync(Guid userId, string key, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM idempotency_records WHERE user_id = {userId} AND key = {key} AND status_code = 0", cancellationToken);
}
