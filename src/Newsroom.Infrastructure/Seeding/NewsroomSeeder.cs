using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newsroom.Domain.Users;
using Newsroom.Infrastructure.Identity;
using Newsroom.Infrastructure.Persistence;
using Newsroom.Infrastructure.Startup;

namespace Newsroom.Infrastructure.Seeding;

/// <summary>What every database needs (roles, a first admin) and, on request, the demo magazine. Idempotent.</summary>
public sealed class NewsroomSeeder(
    RoleManager<IdentityRole<Guid>> roles,
    UserManager<NewsroomUser> users,
    IOptions<NewsroomOptions> options,
    IHostEnvironment environment,
    DataDirectory dataDirectory,
    DemoContentSeeder demo,
    NewsroomDbContext db,
    TimeProvider clock,
    ILogger<NewsroomSeeder> logger)
{
    public const string DevelopmentAdminEmail = "admin@newsroom.local";

    public const string BootstrapAdminName = "Administrateur";

    // Any constant will do, as long as nothing else locks on it: it only serialises instances starting together.
    private const long SeedLockKey = 0x4E_65_77_73_52_6F_6C_65; // "NewsRole"

    public async Task SeedAsync(bool demoContent, CancellationToken cancellationToken)
    {
        Guid? adminId;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Two instances starting together on a database without roles or admin would both create them, and one
            // would fail its start-up on a unique index: the second waits here, then finds the first one's.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SeedLockKey})", cancellationToken);
            foreach (var role in Roles.All)
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
                }
            }

            adminId = await EnsureFirstAdminAsync();
            await transaction.CommitAsync(cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (demoContent)
        {
            await demo.SeedAsync(adminId ?? Guid.Empty, cancellationToken);
        }
    }

    /// <summary>Creates the first admin if there is none; returns the bootstrap (earliest) admin's id, or null when nobody could be made admin.</summary>
    private async Task<Guid?> EnsureFirstAdminAsync()
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        if (admins.Count > 0)
        {
            return admins.OrderBy(a => a.CreatedAt).First().Id;
        }

        var bootstrap = options.Value.Bootstrap;
        string email;
        string password;
        var generated = false;
        if (!string.IsNullOrWhiteSpace(bootstrap.AdminEmail) && !string.IsNullOrWhiteSpace(bootstrap.AdminPassword))
        {
            (email, password) = (bootstrap.AdminEmail.Trim(), bootstrap.AdminPassword);
        }
        else if (environment.IsDevelopment())
        {
            email = DevelopmentAdminEmail;
            password = GenerateDevelopmentPassword(email);
            generated = true;
        }
        else
        {
            logger.LogWarning("No admin account exists and Newsroom:Bootstrap:AdminEmail/AdminPassword are not set: nobody can sign in yet.");
            return null;
        }

        var admin = NewsroomUser.Create(email, BootstrapAdminName, clock.GetUtcNow());
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("The bootstrap admin could not be created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(admin, Roles.Admin);
        if (generated)
        {
            var file = dataDirectory.WritePrivate("demo-admin.txt", $"email: {email}\npassword: {password}\n");
            // Straight to the console, not through logging: log sinks must never receive a password.
            Console.WriteLine($"""

                ──────────────────────────────────────────────────────────────
                  First run: demo admin created (also saved in {file})
                    e-mail:   {email}
                    password: {password}
                ──────────────────────────────────────────────────────────────

                """);
        }
        else
        {
            logger.LogInformation("Bootstrap admin {Email} created from configuration", email);
        }

        return admin.Id;
    }

    /// <summary>20 random symbols (about 117 bits), drawn again in the unlikely case the password rules find a pattern in them.</summary>
    internal static string GenerateDevelopmentPassword(string email)
    {
        while (true)
        {
            var password = RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
            if (Application.Users.PasswordRules.IsAcceptable(password, email, BootstrapAdminName))
            {
                return password;
            }
        }
    }
}
