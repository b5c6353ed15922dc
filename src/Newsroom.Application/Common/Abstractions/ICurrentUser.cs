namespace Newsroom.Application.Common.Abstractions;

/// <summary>
/// Who sends the request being handled. Anonymous callers have no <see cref="UserId"/>; the newsroom's own work (a
/// hosted service, outside any HTTP request) is <see cref="IsSystem"/> and has no user either.
/// </summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    string? Role { get; }

    bool IsAuthenticated => UserId is not null;

    /// <summary>True when no caller sends the request but the newsroom itself (e.g. the scheduled publisher).</summary>
    bool IsSystem { get; }

    /// <summary>Admins and editors may act on every article; authors only on their own.</summary>
    bool IsEditorOrAdmin => Role is Domain.Users.Roles.Admin or Domain.Users.Roles.Editor;

    Guid RequireUserId() => UserId ?? throw new Errors.UnauthorizedProblem("Authentication is required.");
}
