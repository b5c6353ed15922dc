using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Newsroom.Application.Common.Errors;
using Newsroom.Application.Users;
using Newsroom.Domain.Users;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.Infrastructure.Identity;

/// <summary>Accounts through Identity's UserManager: it hashes, counts failures, locks out and rotates stamps.</summary>
internal sealed class UserAccounts(UserManager<NewsroomUser> users, NewsroomDbContext db, TimeProvider clock) : IUserAccounts
{
    public async Task<UserResponse?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await Project(db.Users.Where(u => u.Id == id)).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<UserResponse>> ListAsync(CancellationToken cancellationToken) =>
        await Project(db.Users.OrderBy(u => u.NormalizedEmail)).ToListAsync(cancellationToken);

    public async Task<(CredentialCheck Result, UserResponse? User, string? SecurityStamp)> CheckCredentialsAsync(
        string email, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null || user.IsDisabled)
        {
            return (CredentialCheck.Invalid, null, null);
        }

        if (await users.IsLockedOutAsync(user))
        {
            return (CredentialCheck.LockedOut, null, null);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return (await users.IsLockedOutAsync(user) ? CredentialCheck.LockedOut : CredentialCheck.Invalid, null, null);
        }

        await users.ResetAccessFailedCountAsync(user);
        return (CredentialCheck.Valid, await FindAsync(user.Id, cancellationToken), user.SecurityStamp);
    }

    public async Task<UserResponse> CreateAsync(string email, string displayName, string role, string password, CancellationToken cancellationToken)
    {
        var user = new NewsroomUser
        {
            Id = Guid.CreateVersion7(),
            Email = email,
            UserName = email,
            DisplayName = displayName,
            EmailConfirmed = true,
            CreatedAt = clock.GetUtcNow(),
        };
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
            u.CreatedAt);

    /// <summary>Identity reports refusals as error codes; the client gets them as a 400 on the field concerned, or a 409 for a taken e-mail.</summary>
    private static void ThrowOnFailure(IdentityResult result)
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
            .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : e.Code.Contains("Email", StringComparison.Ordinal) ? "email" : "user")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
        throw new ValidationFailedProblem(errors);
    }
}
