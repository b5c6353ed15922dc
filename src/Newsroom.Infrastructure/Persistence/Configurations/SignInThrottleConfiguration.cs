using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Infrastructure.Persistence.Configurations;

internal sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottleRecord>
{
    public void Configure(EntityTypeBuilder<SignInThrottleRecord> builder)
    {
        builder.ToTable("sign_in_throttles");
        builder.HasKey(t => new { t.Account, t.Address });
        // Byte order ("C"): the rows of one attempt are locked in the same order by every instance, so two attempts never deadlock.
        builder.Property(t => t.Account).HasMaxLength(254).UseCollation("C");
        builder.Property(t => t.Address).HasMaxLength(64).UseCollation("C");
    }
}
