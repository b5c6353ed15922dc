using Microsoft.AspNetCore.Identity;

namespace Newsroom.Infrastructure.Identity;

/// <summary>An Identity account with what the newsroom adds: a display name and a disabled flag.</summary>
public sealed class NewsroomUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
