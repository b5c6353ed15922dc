namespace Newsroom.Application.Common.Abstractions;

public enum IdempotencyOutcome
{
    /// <summary>First use of the key: the caller runs the request and completes or abandons the key.</summary>
    Started,

    /// <summary>Same key, same body, within 24 h: answer with the stored response.</summary>
    Replay,

    /// <summary>Same key, another body: refused (422).</summary>
    Mismatch,

    /// <summary>Same key while the first request is still running: refused (409).</summary>
    InProgress,
}

public sealed record StoredResponse(int StatusCode, string? Location, string Body);

/// <summary>Remembers the first answer to a creating request sent with an Idempotency-Key, per account, for 24 hours.</summary>
public interface IIdempotencyStore
{
    Task<(IdempotencyOutcome Outcome, StoredResponse? Response)> BeginAsync(Guid userId, string key, string requestHash, CancellationToken cancellationToken);

    Task CompleteAsync(Guid userId, string key, StoredResponse response, CancellationToken cancellationToken);

    Task AbandonAsync(Guid userId, string key, CancellationToken cancellationToken);
}
