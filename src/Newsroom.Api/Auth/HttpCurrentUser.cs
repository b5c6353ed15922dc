using Newsroom.Application.Common.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Newsroom.Api.Auth;

/// <summary>
/// The caller of the HTTP request in flight. Outside any request (a hosted service's own scope) there is no caller:
/// the newsroom itself acts, which only <see cref="Application.Common.Authorization.SystemOnlyAttribute"/> requests accept.
/// </summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public Guid? UserId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value, out var id) ? id : null;

    public string? Role => accessor.HttpContext?.User.FindFirst("role")?.Value;

    public bool IsSystem => accessor.HttpContext is null;
}
