namespace Newsroom.Application.Common.Abstractions;

/// <summary>The one transaction of a command. The transaction behaviour owns it; handlers only save when they need database-made values.</summary>
public interface IUnitOfWork
{
    Task<IUnitOfWorkTransaction> BeginTransactionAsync(CancellationToken cancellationToken);

    /// <summary>Flushes tracked changes. Unique and foreign-key violations surface as <see cref="Errors.ConflictProblem"/>.</summary>
    Task SaveChangesAsync(CancellationToken cancellationToken);
}

public interface IUnitOfWorkTransaction : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken);
}
