namespace Newsroom.Application.Common.Abstractions;

/// <summary>The one transaction of a command. The transaction behaviour owns it; handlers only save when they need database-made values.</summary>
public interface IUnitOfWork
{
    /// <summary>Starts the command's transaction; what was saved before it no longer counts in <see cref="SavedPublicChange"/>.</summary>
    Task<IUnitOfWorkTransaction> BeginTransactionAsync(CancellationToken cancellationToken);

    /// <summary>What the saves since the transaction began change of what readers see (<see cref="PublicChange.None"/> when nothing).</summary>
    PublicChange SavedPublicChange { get; }

    /// <summary>Flushes tracked changes. Unique and foreign-key violations surface as <see cref="Errors.ConflictProblem"/>.</summary>
    Task SaveChangesAsync(CancellationToken cancellationToken);
}

public interface IUnitOfWorkTransaction : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken);
}
