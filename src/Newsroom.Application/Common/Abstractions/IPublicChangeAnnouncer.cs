namespace Newsroom.Application.Common.Abstractions;

/// <summary>
/// Told of a change readers can see inside the transaction that makes it, just before its commit: what it records
/// (a notification to the other API instances, the edge caches' purges) is committed with the change or not at all.
/// Outside a transaction (the search vocabulary's rebuild), what it records is committed at once.
/// </summary>
public interface IPublicChangeAnnouncer
{
    Task AnnounceAsync(PublicChange change, CancellationToken cancellationToken);
}
