using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Newsroom.Application.Common.Errors;
using Newsroom.Application.Users;
using Newsroom.Domain.Users;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.Infrastructure.Identity;

/// <summary>Accounts through Identity's UserManager: it hashes, validates passwords and rotates stamps. Its lockout is off (see <see cref="SignInThrottle"/>).</summary>
internal sealed class UserAccounts(UserManager<NewsroomUser> users, NewsroomDbContext db, TimeProvider clock) : IUserAccounts
{
    /// <summary>
    /// A hash of a random password, made once per process with the same hasher and parameters as real ones:
    /// checking a password against it costs what checking a real one costs, and it matches nothing.
    /// </summary>
    private static string? s_dummyHash;

    public async Task<UserResponse?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await Project(db.Users.Where(u => u.Id == id)).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<UserResponse>> ListAsync(CancellationToken cancellationToken) =>
        await Project(db.Users.OrderBy(u => u.NormalizedEmail)).ToListAsync(cancellationToken);

    public async Task<(CredentialCheck Result, UserResponse? User, string? SecurityStamp)> CheckCredentialsAsync(
        string email, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            CheckAgainstDummyHash(password);
            return (CredentialCheck.Invalid, null, null);
        }

        // A disabled account's password is checked all the same, so that refusing it takes as long as any refusal.
        var passwordIsRight = await users.CheckPasswordAsync(user, password);
        if (!passwordIsRight || user.IsDisabled)
        {
            return (CredentialCheck.Invalid, null, null);
        }

        return (CredentialCheck.Valid, await FindAsync(user.Id, cancellationToken), user.SecurityStamp);
    }

    public void CheckAgainstDummyHash(string password)
    {
        var hash = LazyInitializer.EnsureInitialized(ref s_dummyHash, () => users.PasswordHasher.HashPassword(new NewsroomUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))));
        _ = users.PasswordHasher.VerifyHashedPassword(new NewsroomUser(), hash, password);
    }

    public async Task<(UserResponse User, string SecurityStamp)?> ChangePasswordAsync(Guid id, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(id);
        // Identity checks the current password, validates the new one, hashes it and rotates the stamp, and the
        // must-change flag is cleared in that same save; on a refusal the flag goes back, so nothing half-changed stays tracked.
        var mustChange = user.MustChangePassword;
        user.MustChangePassword = false;
        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!changed.Succeeded)
        {
            user.MustChangePassword = mustChange;
            if (changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                return null;
            }
        }

        ThrowOnFailure(changed, passwordField: "newPassword");
        return ((await FindAsync(id, cancellationToken))!, user.SecurityStamp!);
    }

    public async Task<UserResponse> SetOneTimePasswordAsync(Guid id, string oneTimePassword, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(id);
        user.PasswordHash = users.PasswordHasher.HashPassword(user, oneTimePassword);
        user.MustChangePassword = true;
        // Saves the hash and the flag with the new stamp: every token issued before stops working.
        ThrowOnFailure(await users.UpdateSecurityStampAsync(user));
        return (await FindAsync(id, cancellationToken))!;
    }

    public async Task<UserResponse> CreateAsync(string email, string displayName, string role, string password, CancellationToken cancellationToken)
    {
        var user = NewsroomUser.Create(email, displayName, clock.GetUtcNow());
        ThrowOnFailure(await users.CreateAsync(user, password));
        ThrowOnFailure(await users.AddToRoleAsync(user, role));
        return (await FindAsync(user.Id, cancellationToken))!;
    }

    public async Task<UserResponse> ChangeRoleAsync(Guid id, string role, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(id);
        ThrowOnFailure(await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)));
        ThrowOnFailure(await users.AddToRoleAsync(user, role));
        ThrowOnFailure(await users.UpdateSecurityStampAsync(user));
        return (await FindAsync(id, cancellationToken))!;
    }

    public async Task<bool> IsTokenStampCurrentAsync(Guid id, string securityStamp, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.Id == id && !u.IsDisabled).Select(u => u.SecurityStamp).FirstOrDefaultAsync(cancellationToken) is { } current
        && string.Equals(current, securityStamp, StringComparison.Ordinal);

    public async Task<UserResponse> SetDisabledAsync(Guid id, bool disabled, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(id);
        user.IsDisabled = disabled;
        ThrowOnFailure(await users.UpdateAsync(user));
        ThrowOnFailure(await users.UpdateSecurityStampAsync(user));
        return (await FindAsync(id, cancellationToken))!;
    }

    public Task<int> CountActiveAdminsAsync(CancellationToken cancellationToken) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == Roles.Admin && !u.IsDisabled
         select u.Id).CountAsync(cancellationToken);

    private async Task<NewsroomUser> RequireAsync(Guid id) =>
        await users.FindByIdAsync(id.ToString()) ?? throw NotFoundProblem.For("user", id);

    /// <summary>Order and filter before projecting: EF cannot translate either on the record built here.</summary>
    private IQueryable<UserResponse> Project(IQueryable<NewsroomUser> source) =>
        from u in source.AsNoTracking()
        select new UserResponse(
            u.Id,
            u.Email!,
            u.DisplayName,
            (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault() ?? Roles.Author,
            u.IsDisabled,
            u.CreatedAt,
            u.MustChangePassword);

    /// <summary>Identity reports refusals as error codes; the client gets them as a 400 on the field concerned, or a 409 for a taken e-mail.</summary>
    private static void ThrowOnFailure(IdentityResult result, string passwordField = "password")
    {
        if (result.Succeeded)
        {
            return;
        }

        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            throw new ConflictProblem("An account with this e-mail already exists.");
        }

        var errors = result.Errors
            .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField : e.Code.Contains("Email", StringComparison.Ordinal) ? "email" : "user")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
        throw new ValidationFailedProblem(errors);
    }
}
