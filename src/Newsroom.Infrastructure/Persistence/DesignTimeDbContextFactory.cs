using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Newsroom.Infrastructure.Persistence;

/// <summary>For `dotnet ef migrations add`: it builds the model without connecting, so any well-formed connection string will do.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<NewsroomDbContext>
{
    public NewsroomDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NewsroomDbContext>()
            .UseNpgsql("Host=localhost;Database=newsroom_design", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .Options);
}
