using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Infrastructure.Outbox;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.Infrastructure.EdgeCache;

/// <summary>
/// Writes the edge caches' purge of a change as one outbox message (<see cref="EdgePurges.Type"/>, the keys
/// as payload, "*" for everything), in the command's own transaction: it is sent (by <see cref="OutboxDispatcher"/>,
/// from one instance) exactly when the change is committed. Writes nothing when no edge cache is configured.
/// Outside a transaction (the search vocabulary's rebuild) the message is committed at once, and nothing else would
/// wake the dispatcher for it: it is woken here.
/// </summary>
internal sealed class EdgePurgeAnnouncer(NewsroomDbContext db, IOptions<EdgeCacheOptions> options, TimeProvider clock, OutboxSignal outbox) : IPublicChangeAnnouncer
{
    public async Task AnnounceAsync(PublicChange change, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || change.IsEmpty)
        {
            return;
        }

        // Plain SQL on the context's connection: inside its transaction, and no tracked entity that a later save
        // would count as a change readers can see.
        var id = Guid.CreateVersion7();
        var occurredAt = clock.GetUtcNow().ToUniversalTime();
        var keys = change.ToString();
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO outbox_messages (id, type, payload, occurred_at, attempts) VALUES ({id}, {EdgePurges.Type}, {keys}, {occurredAt}, 0)",
            cancellationToken);
        if (db.Database.CurrentTransaction is null)
        {
            outbox.Wake();
        }
    }
}
