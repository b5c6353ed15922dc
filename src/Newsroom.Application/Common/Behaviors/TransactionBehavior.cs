using Mediator;
using Newsroom.Application.Common.Abstractions;

namespace Newsroom.Application.Common.Behaviors;

/// <summary>
/// One command, one transaction: everything the handler changed is saved and committed together, or nothing is
/// (the transaction is disposed without commit when the handler throws). A change readers can see (the cache keys of
/// what the saves changed, with those the handler noted for its SQL, <see cref="IUnitOfWork.SavedPublicChange"/>) is
/// announced inside the transaction (<see cref="IPublicChangeAnnouncer"/>: other instances, edge caches), so it is
/// announced exactly when it is committed, and this instance's cached answers are dropped after the commit.
/// An editor's draft saves and user management leave the caches warm.
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(
    IUnitOfWork unitOfWork, IEnumerable<IPublicChangeAnnouncer> announcers, IContentChangeNotifier contentChanges)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is ISelfCommittingCommand)
        {
            return await next(message, cancellationToken);
        }

        await using var transaction = await unitOfWork.BeginTransactionAsync(cancellationToken);
        var response = await next(message, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        var change = unitOfWork.SavedPublicChange;
        if (!change.IsEmpty)
        {
            foreach (var announcer in announcers)
            {
                await announcer.AnnounceAsync(change, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        // After the commit, never before: evicting earlier would let a concurrent read re-cache the old state.
        if (!change.IsEmpty)
        {
            await contentChanges.ContentChangedAsync(change, CancellationToken.None);
        }

        return response;
    }
}
