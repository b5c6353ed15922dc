using Npgsql;

namespace Newsroom.Bench.Seeding;

/// <summary>Articles cut into id ranges [From, To] of about the same size, for work run side by side on several connections.</summary>
internal static class IdSlices
{
    public static async Task<List<(Guid From, Guid To)>> ReadAsync(NpgsqlDataSource db, int count, CancellationToken ct)
    {
        var bounds = new List<Guid>();
        await using (var command = db.CreateCommand("SELECT DISTINCT ON (slice) id FROM (SELECT id, ntile($1) OVER (ORDER BY id) AS slice FROM articles) s ORDER BY slice, id DESC"))
        {
            command.Parameters.AddWithValue(Math.Max(1, count));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                bounds.Add(reader.GetGuid(0));
            }
        }

        return bounds.Select((last, i) => (From: i == 0 ? Guid.Empty : NextAfter(bounds[i - 1]), To: last)).ToList();
    }

    /// <summary>The smallest uuid above <paramref name="id"/> in PostgreSQL's (byte-wise) order.</summary>
    private static Guid NextAfter(Guid id)
    {
        var bytes = id.ToByteArray(bigEndian: true);
        for (var i = bytes.Length - 1; i >= 0 && ++bytes[i] == 0; i--)
        {
        }

        return new Guid(bytes, bigEndian: true);
    }
}
