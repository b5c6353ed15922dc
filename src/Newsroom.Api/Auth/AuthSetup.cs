using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Newsroom.Application.Auth;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Users;
using Newsroom.Domain.Users;

namespace Newsroom.Api.Auth;

/// <summary>The authorization policies endpoints ask for, by role.</summary>
public static class Policies
{
    public const string Admin = "Admin";
    public const string EditorOrAdmin = "EditorOrAdmin";
    public const string Staff = "Staff";
}

internal static class AuthSetup
{
    public static IServiceCollection AddNewsroomAuth(this IServiceCollection services)
    {
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JwtOptions>, JwtOptionsValidation>();
        services.AddSingleton<JwtSigningKey>();
        // Development works out of the box: without a configured key, one generated once in the database.
        services.AddHostedService<DevelopmentSigningKeyLoader>();
        services.AddSingleton<ITokenIssuer, JwtTokenIssuer>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<IClientAddress, HttpClientAddress>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>, JwtSigningKey, TimeProvider>((bearer, jwtOptions, signingKey, clock) =>
            {
                var jwt = jwtOptions.Value;
                bearer.MapInboundClaims = false;
                // A bare "WWW-Authenticate: Bearer": why a token failed (expired, bad signature, audience) helps only a forger.
                bearer.IncludeErrorDetails = false;
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Issuer,
                    ValidAudience = jwt.Audience,
                    // Asked per token: Development's generated key is only known once the database is ready.
                    IssuerSigningKeyResolver = (_, _, _, _) => [signingKey.Current],
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = JwtRegisteredClaimNames.Sub,
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromSeconds(30),
                    // Lifetimes are checked against the same clock that issues tokens (tests move it).
                    LifetimeValidator = (notBefore, expires, _, parameters) =>
                    {
                        var now = clock.GetUtcNow().UtcDateTime;
                        return (notBefore is null || notBefore <= now + parameters.ClockSkew) && expires is { } end && end > now - parameters.ClockSkew;
                    },
                };
                bearer.TimeProvider = clock;
                bearer.Events = new JwtBearerEvents { OnTokenValidated = RejectRevokedTokensAsync };
            });

        var passwordChanged = new PasswordChangedRequirement();
        services.AddSingleton<IAuthorizationHandler>(passwordChanged);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, PasswordChangeResultHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin).AddRequirements(passwordChanged))
            .AddPolicy(Policies.EditorOrAdmin, p => p.RequireRole(Roles.Admin, Roles.Editor).AddRequirements(passwordChanged))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.All.ToArray()).AddRequirements(passwordChanged))
            .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(passwordChanged).Build());
        return services;
    }

    /// <summary>
    /// A token names the account's security stamp; disabling the account or changing its role rotates the stamp,
    /// so every token issued before stops working at once rather than at expiry.
    /// </summary>
    private static async Task RejectRevokedTokensAsync(TokenValidatedContext context)
    {
        var accounts = context.HttpContext.RequestServices.GetRequiredService<IUserAccounts>();
        var subject = context.Principal?.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
        var stamp = context.Principal?.FindFirst(JwtTokenIssuer.StampClaim)?.Value;
        if (!Guid.TryParse(subject, out var userId) || stamp is null
            || !await accounts.IsTokenStampCurrentAsync(userId, stamp, context.HttpContext.RequestAborted))
        {
            context.Fail("The token has been revoked.");
        }
    }
}
