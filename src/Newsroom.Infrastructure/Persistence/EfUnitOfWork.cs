using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Newsroom.Application.Articles;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Errors;
using Newsroom.Domain.Articles;
using Newsroom.Infrastructure.Outbox;
using Npgsql;

namespace Newsroom.Infrastructure.Persistence;

internal sealed class EfUnitOfWork(NewsroomDbContext db, TimeProvider clock) : IUnitOfWork
{
    private PublicChange _noted = PublicChange.None;

    public PublicChange SavedPublicChange => db.PublicChanges.Change.Union(_noted);

    public void NotePublicChange(PublicChange change) => _noted = _noted.Union(change);

    public async Task<IUnitOfWorkTransaction> BeginTransactionAsync(CancellationToken cancellationToken)
    {
        db.PublicChanges.Forget();
        _noted = PublicChange.None;
        return new Transaction(await db.Database.BeginTransactionAsync(cancellationToken));
    }

    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        WriteOutbox();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await db.PublicChanges.PlaceAsync(db.Database, clock.GetUtcNow(), cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex) when (ex.Entries.Any(e => e.Entity is Article))
        {
            var version = ex.Entries.Select(e => e.GetDatabaseValues()).FirstOrDefault()?.GetValue<uint>(nameof(Article.Version));
            throw new PreconditionFailedProblem("The article was changed by someone else meanwhile; reload it and apply your change again.",
                ArticleVersions.Format(version ?? 0));
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException pg)
        {
            throw TranslateViolation(pg) ?? (Exception)ex;
        }
    }

    /// <summary>Domain events become outbox rows in the same transaction as the change that raised them.</summary>
    private void WriteOutbox()
    {
        foreach (var article in db.ChangeTracker.Entries<Article>().Select(e => e.Entity).Where(a => a.Events.Count > 0).ToList())
        {
            db.OutboxMessages.AddRange(article.Events.Select(e => new OutboxMessage
            {
                Id = Guid.CreateVersion7(),
                Type = e.Type,
                ArticleId = e.ArticleId,
                OccurredAt = e.OccurredAt,
            }));
            article.ClearEvents();
        }
    }

    /// <summary>Unique and foreign-key violations are the client's conflicts; anything else stays a server error.</summary>
    internal static ConflictProblem? TranslateViolation(PostgresException pg) => pg.SqlState switch
    {
        PostgresErrorCodes.UniqueViolation => new ConflictProblem(ConstraintNames.DescribeUniqueViolation(pg.ConstraintName)),
        PostgresErrorCodes.ForeignKeyViolation => new ConflictProblem(ConstraintNames.DescribeForeignKeyViolation(pg.ConstraintName)),
        _ => null,
    };

    private sealed class Transaction(IDbContextTransaction inner) : IUnitOfWorkTransaction
    {
        public Task CommitAsync(CancellationToken cancellationToken) => inner.CommitAsync(cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
