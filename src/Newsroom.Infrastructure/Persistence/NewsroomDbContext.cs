using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Newsroom.Domain.Articles;
using Newsroom.Domain.Authors;
using Newsroom.Domain.Sections;
using Newsroom.Domain.Tags;
using Newsroom.Infrastructure.Identity;
using Newsroom.Infrastructure.SharedState;

namespace Newsroom.Infrastructure.Persistence;

public sealed class NewsroomDbContext(DbContextOptions<NewsroomDbContext> options)
    : IdentityDbContext<NewsroomUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Section> Sections => Set<Section>();

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();

    public DbSet<ArticleSlugHistory> ArticleSlugHistory => Set<ArticleSlugHistory>();

    public DbSet<RelatedPick> RelatedPicks => Set<RelatedPick>();

    public DbSet<Author> Authors => Set<Author>();

    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<Outbox.OutboxMessage> OutboxMessages => Set<Outbox.OutboxMessage>();

    public DbSet<Idempotency.IdempotencyRecord> IdempotencyRecords => Set<Idempotency.IdempotencyRecord>();

    public DbSet<SignInThrottleRecord> SignInThrottles => Set<SignInThrottleRecord>();

    /// <summary>The key ring every instance shares (see <c>DataProtectionSetup</c>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<GeneratedSecret> GeneratedSecrets => Set<GeneratedSecret>();

    /// <summary>
    /// True once a save since <see cref="ForgetPublicChanges"/> held a change readers could see
    /// (<see cref="PublicContent"/>). Every save counts, those Identity's stores make on their own included.
    /// </summary>
    internal bool SavedPublicChanges { get; private set; }

    internal void ForgetPublicChanges() => SavedPublicChanges = false;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        SavedPublicChanges |= PublicContent.IsAffectedBy(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        SavedPublicChanges |= PublicContent.IsAffectedBy(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(NewsroomDbContext).Assembly);
    }
}
