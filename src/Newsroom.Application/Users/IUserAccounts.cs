namespace Newsroom.Application.Users;

public enum CredentialCheck
{
    Valid,
    Invalid,
}

/// <summary>The newsroom's accounts, kept by ASP.NET Core Identity (hashing and stamps are Identity's; throttling is <see cref="Auth.ISignInThrottle"/>'s).</summary>
public interface IUserAccounts
{
    Task<UserResponse?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<UserResponse>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Checks a password. Unknown e-mails and disabled accounts are simply <see cref="CredentialCheck.Invalid"/>, and
    /// every refusal costs one password hash, the same as a wrong password, so timing tells nothing about the account.
    /// </summary>
    Task<(CredentialCheck Result, UserResponse? User, string? SecurityStamp)> CheckCredentialsAsync(string email, string password, CancellationToken cancellationToken);

    /// <summary>Spends the work of one password check on nothing, for refusals that check no password (a throttled attempt).</summary>
    void CheckAgainstDummyHash(string password);

    /// <summary>
    /// Replaces the password when <paramref name="currentPassword"/> is right (null when it is not), clears the
    /// must-change flag and rotates the security stamp, so the account's other tokens stop working.
    /// A new password the policy refuses is a 400 on <c>newPassword</c>.
    /// </summary>
    Task<(UserResponse User, string SecurityStamp)?> ChangePasswordAsync(Guid id, string currentPassword, string newPassword, CancellationToken cancellationToken);

    /// <summary>Sets a password the account must change at its next sign-in, and rotates the stamp (its tokens stop working).</summary>
    Task<UserResponse> SetOneTimePasswordAsync(Guid id, string oneTimePassword, CancellationToken cancellationToken);

    /// <summary>Creates an account. A password refused by the password policy is a 400 on <c>password</c>; a taken e-mail a 409.</summary>
    Task<UserResponse> CreateAsync(string email, string displayName, string role, string password, CancellationToken cancellationToken);

    /// <summary>Changes the role and the security stamp, so tokens issued for the old role stop working.</summary>
    Task<UserResponse> ChangeRoleAsync(Guid id, string role, CancellationToken cancellationToken);

    /// <summary>Disables or re-enables; both change the security stamp.</summary>
    Task<UserResponse> SetDisabledAsync(Guid id, bool disabled, CancellationToken cancellationToken);

    /// <summary>
    /// True when a token naming this account and security stamp may still be used: the account exists, is enabled,
    /// and its stamp has not rotated since (a role change, a disabling or a password change rotates it).
    /// </summary>
    Task<bool> IsTokenStampCurrentAsync(Guid id, string securityStamp, CancellationToken cancellationToken);

    Task<int> CountActiveAdminsAsync(CancellationToken cancellationToken);
}
