using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Newsroom.Application.Auth;
using Newsroom.Application.Users;

namespace Newsroom.Api.Auth;

internal sealed class JwtTokenIssuer(IOptions<JwtOptions> options, JwtSigningKey signingKey, TimeProvider clock) : ITokenIssuer
{
    public const string StampClaim = "stamp";

    /// <summary>Present (as "true") on tokens of an account that must change its password first.</summary>
    public const string PasswordChangeClaim = "must_change_password";

    private static readonly JsonWebTokenHandler Handler = new();

    public AccessTokenResponse Issue(UserResponse user, string securityStamp)
    {
        var jwt = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromMinutes(jwt.AccessTokenLifetimeMinutes);
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
            new(JwtRegisteredClaimNames.Email, user.Email),
            new(JwtRegisteredClaimNames.Name, user.DisplayName),
            new("role", user.Role),
            new(StampClaim, securityStamp),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        if (user.MustChangePassword)
        {
            claims.Add(new Claim(PasswordChangeClaim, "true"));
        }

        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(signingKey.Current, SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(claims),
        });
        return new AccessTokenResponse(token, "Bearer", (int)lifetime.TotalSeconds, user.MustChangePassword);
    }
}
