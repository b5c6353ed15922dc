using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Errors;
using Npgsql;

namespace Newsroom.Infrastructure.Persistence;

internal sealed class EfUnitOfWork(NewsroomDbContext db) : IUnitOfWork
{
    public async Task<IUnitOfWorkTransaction> BeginTransactionAsync(CancellationToken cancellationToken) =>
        new Transaction(await db.Database.BeginTransactionAsync(cancellationToken));

    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException pg)
        {
            throw TranslateViolation(pg) ?? (Exception)ex;
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
