using Microsoft.EntityFrameworkCore;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.Infrastructure.Instances;

/// <summary>
/// Tells the other API instances of a change with <c>pg_notify</c> on the command's own connection: PostgreSQL
/// delivers it when the transaction commits and never if it rolls back (outside a transaction, at once). Every
/// instance hears it through its <see cref="PublicChangeListener"/>; this one skips it (<see cref="OwnAnnouncements"/>),
/// having evicted after its own commit.
/// </summary>
internal sealed class PublicChangeBroadcast(NewsroomDbContext db, OwnAnnouncements own) : IPublicChangeAnnouncer
{
    public async Task AnnounceAsync(PublicChange change, CancellationToken cancellationToken)
    {
        var sender = await db.Database.SqlQueryRaw<int>(
                """SELECT pg_backend_pid() AS "Value" FROM (SELECT pg_notify({0}, {1})) AS notified""",
                PublicChangeMessages.Channel, PublicChangeMessages.Encode(change))
            .ToListAsync(cancellationToken);
        own.Announced(sender[0]);
    }
}
