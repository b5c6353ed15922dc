using Microsoft.Extensions.Options;
using Newsroom.Application.Users;
using Newsroom.Infrastructure.Seeding;

namespace Newsroom.Infrastructure.Startup;

/// <summary>
/// A configured bootstrap admin password must pass the same rule as any other: the API refuses to start on a weak
/// one and says why, rather than creating an admin anyone could guess.
/// </summary>
internal sealed class BootstrapAdminValidation : IValidateOptions<NewsroomOptions>
{
    public ValidateOptionsResult Validate(string? name, NewsroomOptions options)
    {
        var bootstrap = options.Bootstrap;
        if (string.IsNullOrEmpty(bootstrap.AdminPassword))
        {
            return ValidateOptionsResult.Success;
        }

        var refusals = PasswordRules.Refusals(bootstrap.AdminPassword, bootstrap.AdminEmail, NewsroomSeeder.BootstrapAdminName);
        return refusals.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                "Newsroom:Bootstrap:AdminPassword (Newsroom__Bootstrap__AdminPassword) is refused: it " + string.Join(" ", refusals) +
                " Choose a long passphrase of several uncommon words, or a random string from a password manager.");
    }
}
