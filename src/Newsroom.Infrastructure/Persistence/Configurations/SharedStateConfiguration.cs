using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Newsroom.Infrastructure.SharedState;

namespace Newsroom.Infrastructure.Persistence.Configurations;

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder) => builder.ToTable("data_protection_keys");
}

internal sealed class GeneratedSecretConfiguration : IEntityTypeConfiguration<GeneratedSecret>
{
    public void Configure(EntityTypeBuilder<GeneratedSecret> builder)
    {
        builder.ToTable("generated_secrets");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(100);
    }
}
