using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Newsroom.Application.Articles;
using Newsroom.Application.Auth;
using Newsroom.Application.Authors;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Telemetry;
using Newsroom.Infrastructure.Publishing;
using Newsroom.Application.Sections;
using Newsroom.Application.Tags;
using Newsroom.Application.Users;
using Newsroom.Infrastructure.EdgeCache;
using Newsroom.Infrastructure.Identity;
using Newsroom.Infrastructure.Persistence;
using Newsroom.Infrastructure.Repositories;
using Newsroom.Infrastructure.Seeding;
using Newsroom.Infrastructure.SharedState;
using Newsroom.Infrastructure.Startup;

namespace Newsroom.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Newsroom";

    /// <summary>A streaming standby of the database, for the readers' hot queries (optional).</summary>
    public const string StandbyConnectionStringName = "NewsroomReadOnly";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<NewsroomOptions>().BindConfiguration(NewsroomOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DatabaseStartupOptions>().BindConfiguration(DatabaseStartupOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var database = new NewsroomDatabase(configuration.GetConnectionString(ConnectionStringName), configuration.GetConnectionString(StandbyConnectionStringName));
        services.AddSingleton(database);
        services.AddSingleton(new DataDirectory(configuration[$"{NewsroomOptions.SectionName}:DataDirectory"], environment.ContentRootPath));
        services.AddSingleton<DatabaseStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseStartup>());
        // Here, after DatabaseStartup: hosted services start in order, and Data Protection's loads its key ring from the database.
        services.AddNewsroomDataProtection();
        services.TryAddTimeProvider();

        services.AddDbContextPool<NewsroomDbContext>((sp, options) => options
            .UseNpgsql(sp.GetRequiredService<NewsroomDatabase>().ConnectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention());

        services.AddIdentityCore<NewsroomUser>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                // Strength is PasswordRules' (StrongPasswordValidator), not character classes.
                identity.Password.RequiredLength = PasswordRules.MinimumLength;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireDigit = false;
                identity.Password.RequiredUniqueChars = 1;
                // No hard lockout: five wrong passwords let anyone lock anyone out. SignInThrottle slows guessing instead.
                identity.Lockout.AllowedForNewUsers = false;
                identity.Lockout.MaxFailedAccessAttempts = int.MaxValue;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<NewsroomDbContext>();
        services.RemoveAll<IPasswordValidator<NewsroomUser>>();
        services.AddScoped<IPasswordValidator<NewsroomUser>, StrongPasswordValidator>();
        services.AddOptions<SignInThrottleOptions>().BindConfiguration(SignInThrottleOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.MaxDelaySeconds <= o.FailureMemoryMinutes * 60, $"{SignInThrottleOptions.SectionName}:MaxDelaySeconds must not exceed FailureMemoryMinutes, or a wait would outlast the failures it counts.")
            .ValidateOnStart();
        services.AddScoped<ISignInThrottle, SignInThrottle>();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<NewsroomOptions>, BootstrapAdminValidation>();

        services.AddScoped<IUnitOfWork, EfUnitOfWork>();
        services.AddScoped<ISectionRepository, SectionRepository>();
        services.AddScoped<IArticleRepository, ArticleRepository>();
        services.AddScoped<IArticleReferences, ArticleReferences>();
        services.AddScoped<IArticleQueries, ArticleQueries>();
        services.AddScoped<IRelatedPicks, RelatedPicks>();
        services.AddOptions<Application.Search.SearchOptions>().BindConfiguration(Application.Search.SearchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Application.Search.ISearchEngine, Search.PostgresSearchEngine>();
        services.AddScoped<Application.Search.ISearchVocabulary, Search.PostgresSearchVocabulary>();
        services.AddSingleton<Search.SearchVocabularyRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<Search.SearchVocabularyRefresher>());
        services.AddSingleton<IContentChangeNotifier, PublicContentChanges>();
        services.AddSingleton<Reading.PublicReadsDataSource>();
        services.AddSingleton(new Replication.ReplayProgress(database.HasStandby));
        services.AddSingleton(new Replication.StandbyAvailability(TimeProvider.System));
        if (database.HasStandby)
        {
            services.AddHostedService<Replication.StandbyReplay>();
        }

        services.AddSingleton(new Instances.OwnAnnouncements(TimeProvider.System));
        services.AddScoped<IPublicChangeAnnouncer, Instances.PublicChangeBroadcast>();
        services.AddSingleton<Instances.PublicChangeListener>();
        services.AddHostedService(sp => sp.GetRequiredService<Instances.PublicChangeListener>());
        services.AddScoped<Reading.PublicFilterResolver>();
        services.AddScoped<Reading.PublicArticleList>();
        services.AddScoped<Reading.PublicArticlePage>();
        services.AddScoped<Reading.PublicArticleRows>();
        services.AddScoped<Application.Reading.IPublicQueries, Reading.PublicQueries>();
        services.AddScoped<IIdempotencyStore, Idempotency.IdempotencyStore>();
        services.AddScoped<GeneratedSecrets>();
        services.AddOptions<PublishingOptions>().BindConfiguration(PublishingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<ScheduledPublisher>();
        services.AddSingleton<IOutboxBacklog, Outbox.OutboxBacklogProbe>();
        services.AddOutboxAndEdgePurges();
        services.AddScoped<IAuthorRepository, AuthorRepository>();
        services.AddScoped<ITagRepository, TagRepository>();
        services.AddScoped<IUserAccounts, UserAccounts>();
        services.AddScoped<NewsroomSeeder>();
        services.AddScoped<DemoContentSeeder>();

        services.AddHealthChecks()
            .AddNpgSql(sp => sp.GetRequiredService<NewsroomDatabase>().ConnectionString, name: "database", tags: ["ready"]);
        return services;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
