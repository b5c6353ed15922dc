using Mediator;
using Newsroom.Application.Common.Abstractions;

namespace Newsroom.Application.Common.Behaviors;

/// <summary>
/// One command, one transaction: everything the handler changed is saved and committed together, or nothing is
/// (the transaction is disposed without commit when the handler throws). Cached public reads are dropped after a
/// commit that changed what readers see: always for <see cref="IChangesPublicContent"/> commands, otherwise when a
/// save held such a change (an editor's draft saves and user management leave the caches warm).
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(IUnitOfWork unitOfWork, IContentChangeNotifier contentChanges)
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
        await transaction.CommitAsync(cancellationToken);
        // After the commit, never before: evicting earlier would let a concurrent read re-cache the old state.
        if (message is IChangesPublicContent || unitOfWork.SavedPublicChanges)
        {
            await contentChanges.ContentChangedAsync(CancellationToken.None);
        }
        return response;
    }
}
