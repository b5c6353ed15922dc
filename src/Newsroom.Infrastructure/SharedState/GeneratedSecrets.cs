using Microsoft.EntityFrameworkCore;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.Infrastructure.SharedState;

/// <summary>
/// Reads a <see cref="GeneratedSecret"/>, making it on first use. Instances starting together each offer a value;
/// the first insert wins (<c>ON CONFLICT DO NOTHING</c> waits for a concurrent insert of the same name to commit),
/// and every instance reads back the one stored, in a second statement that sees that commit.
/// </summary>
public sealed class GeneratedSecrets(NewsroomDbContext db, TimeProvider clock)
{
    public async Task<string> ReadOrCreateAsync(string name, Func<string> generate, CancellationToken cancellationToken)
    {
        var offered = generate();
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO generated_secrets (name, value, created_at) VALUES ({name}, {offered}, {clock.GetUtcNow()}) ON CONFLICT (name) DO NOTHING",
            cancellationToken);
        return await db.GeneratedSecrets.AsNoTracking().Where(s => s.Name == name).Select(s => s.Value).SingleAsync(cancellationToken);
    }
}
