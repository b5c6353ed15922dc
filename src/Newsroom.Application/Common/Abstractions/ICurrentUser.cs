namespace Newsroom.Application.Common.Abstractions;

/// <summary>Who sends the request being handled. Anonymous callers have no <see cref="UserId"/>.</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    string? Role { get; }

    bool IsAuthenticated => UserId is not null;

    /// <summary>Admins and editors may act on every article; authors only on their own.</summary>
    bool IsEditorOrAdmin => Role is Domain.Users.Roles.Admin or Domain.Users.Roles.Editor;

    Guid RequireUserId() => UserId ?? throw new Errors.UnauthorizedProblem("Authentication is required.");
}
