using Microsoft.AspNetCore.Identity;
using Newsroom.Application.Users;

namespace Newsroom.Infrastructure.Identity;

/// <summary>
/// Identity's password check, replaced by the newsroom's <see cref="PasswordRules"/>: whatever sets a password
/// through the UserManager (creation, change, the bootstrap admin) gets the same rule, with the account's e-mail and
/// name as the words a guesser tries first.
/// </summary>
internal sealed class StrongPasswordValidator : IPasswordValidator<NewsroomUser>
{
    public const string Code = "PasswordTooWeak";

    public Task<IdentityResult> ValidateAsync(UserManager<NewsroomUser> manager, NewsroomUser user, string? password)
    {
        var refusals = PasswordRules.Refusals(password, user.Email, user.DisplayName);
        return Task.FromResult(refusals.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed([.. refusals.Select(r => new IdentityError { Code = Code, Description = r })]));
    }
}
