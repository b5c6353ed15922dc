using System.Data;
using Microsoft.EntityFrameworkCore;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Infrastructure.Persistence;
using Npgsql;

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
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        // Outside a transaction the connection is opened here, so that its server process is known before it notifies.
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            own.Announced(connection.ProcessID);
            await db.Database.ExecuteSqlRawAsync(
                "SELECT pg_notify({0}, {1})", [PublicChangeMessages.Channel, PublicChangeMessages.Encode(change)], cancellationToken);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
