namespace Newsroom.Application.Common.Abstractions;

/// <summary>The one transaction of a command. The transaction behaviour owns it; handlers only save when they need database-made values.</summary>
public interface IUnitOfWork
{
    /// <summary>Starts the command's transaction; what was saved or noted before it no longer counts in <see cref="SavedPublicChange"/>.</summary>
    Task<IUnitOfWorkTransaction> BeginTransactionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// What the saves since the transaction began change of what readers see, as the cache keys of the answers they
    /// make stale (read from the saved changes), with what was noted (<see cref="NotePublicChange"/>);
    /// <see cref="PublicChange.None"/> when nothing.
    /// </summary>
    PublicChange SavedPublicChange { get; }

    /// <summary>
    /// Adds to <see cref="SavedPublicChange"/> what a change readers can see makes stale when the saves cannot tell it:
    /// a handler that changes public tables by SQL the change tracker never sees (a tag merge) names the keys here.
    /// </summary>
    void NotePublicChange(PublicChange change);

    /// <summary>Flushes tracked changes. Unique and foreign-key violations surface as <see cref="Errors.ConflictProblem"/>.</summary>
    Task SaveChangesAsync(CancellationToken cancellationToken);
}

public interface IUnitOfWorkTransaction : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken);
}
