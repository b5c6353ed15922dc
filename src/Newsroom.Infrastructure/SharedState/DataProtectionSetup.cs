using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.Infrastructure.SharedState;

internal static class DataProtectionSetup
{
    /// <summary>
    /// One key ring for every instance, in the database (<c>data_protection_keys</c>): what one instance protects
    /// (authentication's cookies and tokens if any come, anything using <see cref="IDataProtectionProvider"/>) every
    /// other unprotects. Called after <c>DatabaseStartup</c> is registered, so that the key ring's loading at start-up
    /// (Data Protection's own hosted service) comes once the database is ready; building the host never loads it.
    /// The keys are stored unencrypted, deliberately: like the database's other secrets (security stamps, idempotent
    /// answers, Development's signing key), they are as safe as the database and its backups. Saying so with
    /// <see cref="NullXmlEncryptor"/> (each stored key reads "This key is not encrypted") spares every instance Data
    /// Protection's warning about a missing encryptor when it makes a key, which would otherwise be logged at the
    /// first start and at every 90-day rotation.
    /// </summary>
    public static IServiceCollection AddNewsroomDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Newsroom").PersistKeysToDbContext<NewsroomDbContext>();
        services.Configure<KeyManagementOptions>(keys => keys.XmlEncryptor = new NullXmlEncryptor());
        return services;
    }
}
