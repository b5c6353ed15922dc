using Newsroom.Infrastructure.Startup;
using Npgsql;

namespace Newsroom.IntegrationTests;

public sealed class DatabaseDefaultsTests
{
    [Fact]
    public void A_connection_string_without_them_gets_prepared_statements_no_reset_and_no_jit()
    {
        var tuned = new NpgsqlConnectionStringBuilder(NewsroomDatabase.WithDefaults("Host=db;Database=newsroom;Username=api"));

        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.Equal(2, tuned.AutoPrepareMinUsages);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("-c jit=off", tuned.Options);
        Assert.Equal(Math.Max(8, 4 * Environment.ProcessorCount), tuned.MaxPoolSize);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("newsroom", tuned.Database);
    }

    [Fact]
    public void Values_written_in_the_connection_string_win()
    {
        var tuned = new NpgsqlConnectionStringBuilder(NewsroomDatabase.WithDefaults(
            "Host=db;Max Auto Prepare=0;No Reset On Close=false;Maximum Pool Size=100;Options=-c jit=on -c statement_timeout=5000"));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.Equal(100, tuned.MaxPoolSize);
        Assert.False(tuned.NoResetOnClose);
        Assert.Equal("-c jit=on -c statement_timeout=5000", tuned.Options);
    }

    [Fact]
    public void Other_backend_options_are_kept_and_jit_is_added()
    {
        var tuned = new NpgsqlConnectionStringBuilder(NewsroomDatabase.WithDefaults("Host=db;Options=-c statement_timeout=5000"));

        Assert.Equal("-c statement_timeout=5000 -c jit=off", tuned.Options);
    }
}
