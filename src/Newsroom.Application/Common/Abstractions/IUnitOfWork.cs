namespace Newsroom.Application.Common.Abstractions;

/// <summary>The one transaction of a command. The transaction behaviour owns it; handlers only save when they need database-made values.</summary>
public interface IUnitOfWork
{
    /// <summary>Starts the command's transaction; what was saved before it no longer counts in <see cref="SavedPublicChanges"/>.</summary>
    Task<IUnitOfWorkTransaction> BeginTransactionAsync(CancellationToken cancellationToken);

    /// <summary>Whether anything saved since the transaction began can change what readers see.</summary>
    bool SavedPublicChanges { get; }

    /// <summary>Flushes tracked changes. Unique and foreign-key violations surface as <see cref="Errors.ConflictProblem"/>.</summary>
    Task SaveChangesAsync(CancellationToken cancellationToken);
}

public interface IUnitOfWorkTransaction : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken);
}
