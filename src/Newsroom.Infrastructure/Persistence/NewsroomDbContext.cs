using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Newsroom.Domain.Sections;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Infrastructure.Persistence;

public sealed class NewsroomDbContext(DbContextOptions<NewsroomDbContext> options)
    : IdentityDbContext<NewsroomUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<Section> Sections => Set<Section>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(NewsroomDbContext).Assembly);
    }
}
