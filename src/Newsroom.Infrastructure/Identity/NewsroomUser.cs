using Microsoft.AspNetCore.Identity;

namespace Newsroom.Infrastructure.Identity;

/// <summary>An Identity account with what the newsroom adds: a display name, a disabled flag and a pending password change.</summary>
public sealed class NewsroomUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set by an admin's reset: the account signed in with a one-time password may only change it.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>A new account signing in with its e-mail: the back office's and the bootstrap admin's alike.</summary>
    public static NewsroomUser Create(string email, string displayName, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Email = email,
        UserName = email,
        DisplayName = displayName,
        EmailConfirmed = true,
        CreatedAt = now,
    };
}
