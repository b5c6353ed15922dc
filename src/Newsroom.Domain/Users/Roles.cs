namespace Newsroom.Domain.Users;

/// <summary>The newsroom's roles, from most to least powerful. Every permission check names one of these.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";
    public const string Author = "Author";

    public static readonly IReadOnlyList<string> All = [Admin, Editor, Author];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);

    /// <summary>Parses a role name case-insensitively ("editor" → "Editor").</summary>
    public static string? Normalize(string? role) =>
        role is null ? null : All.FirstOrDefault(r => string.Equals(r, role.Trim(), StringComparison.OrdinalIgnoreCase));
}
