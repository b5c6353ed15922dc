namespace Newsroom.Application.Users;

public enum CredentialCheck
{
    Valid,
    Invalid,
    LockedOut,
}

/// <summary>The newsroom's accounts, kept by ASP.NET Core Identity (hashing, lockout and stamps are Identity's, not ours).</summary>
public interface IUserAccounts
{
    Task<UserResponse?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<UserResponse>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Checks a password and counts failures towards lockout. Unknown e-mails and disabled accounts are simply <see cref="CredentialCheck.Invalid"/>.</summary>
    Task<(CredentialCheck Result, UserResponse? User, string? SecurityStamp)> CheckCredentialsAsync(string email, string password, CancellationToken cancellationToken);

    /// <summary>Creates an account. A password refused by the password policy is a 400 on <c>password</c>; a taken e-mail a 409.</summary>
    Task<UserResponse> CreateAsync(string email, string displayName, string role, string password, CancellationToken cancellationToken);

    /// <summary>Changes the role and the security stamp, so tokens issued for the old role stop working.</summary>
    Task<UserResponse> ChangeRoleAsync(Guid id, string role, CancellationToken cancellationToken);

    /// <summary>Disables or re-enables; both change the security stamp.</summary>
    Task<UserResponse> SetDisabledAsync(Guid id, bool disabled, CancellationToken cancellationToken);

    Task<int> CountActiveAdminsAsync(CancellationToken cancellationToken);
}
