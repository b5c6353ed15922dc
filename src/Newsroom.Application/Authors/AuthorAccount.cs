using Newsroom.Application.Common.Errors;
using Newsroom.Application.Users;

namespace Newsroom.Application.Authors;

/// <summary>The account an author is linked to is named in the body, so an unknown one is the caller's input error (400), not a missing resource.</summary>
internal static class AuthorAccount
{
    public static async Task EnsureExistsAsync(IUserAccounts accounts, Guid? userId, CancellationToken cancellationToken)
    {
        if (userId is { } id && await accounts.FindAsync(id, cancellationToken) is null)
        {
            throw ValidationFailedProblem.ForField("userId", "must be the id of an existing account.");
        }
    }
}
