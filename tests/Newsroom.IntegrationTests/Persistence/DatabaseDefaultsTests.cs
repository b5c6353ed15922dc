using Newsroom.Infrastructure.Startup;
using Npgsql;

namespace Newsroom.IntegrationTests.Persistence;

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

    [Fact]
    public void Readers_get_a_smaller_pool_of_their_own_on_the_same_database_and_settings()
    {
        var database = new NewsroomDatabase("Host=db;Database=newsroom;Username=api;Application Name=Magazine;Minimum Pool Size=10");
        var main = new NpgsqlConnectionStringBuilder(database.ConnectionString);

        var readers = new NpgsqlConnectionStringBuilder(database.ReadersConnectionString(poolSize: null));

        Assert.Equal(Math.Max(4, 2 * Environment.ProcessorCount), readers.MaxPoolSize);
        Assert.True(readers.MaxPoolSize < main.MaxPoolSize);
        Assert.True(readers.MinPoolSize <= readers.MaxPoolSize);
        Assert.Equal("Magazine readers", readers.ApplicationName);
        Assert.Equal(("db", "newsroom", "api"), (readers.Host, readers.Database, readers.Username));
        Assert.Equal((main.MaxAutoPrepare, main.NoResetOnClose, main.Options), (readers.MaxAutoPrepare, readers.NoResetOnClose, readers.Options));
        Assert.Equal("Magazine", main.ApplicationName);
    }

    [Fact]
    public void The_readers_pool_size_can_be_configured()
    {
        var readers = new NpgsqlConnectionStringBuilder(new NewsroomDatabase("Host=db").ReadersConnectionString(poolSize: 3));

        Assert.Equal(3, readers.MaxPoolSize);
        Assert.Equal("Newsroom readers", readers.ApplicationName);
    }

    [Fact]
    public void Readers_on_a_standby_get_the_same_defaults_pool_and_name_and_a_short_connect_timeout()
    {
        var database = new NewsroomDatabase("Host=primary;Database=newsroom;Username=api", "Host=standby;Database=newsroom;Username=reader;Application Name=Magazine");

        var standby = new NpgsqlConnectionStringBuilder(database.StandbyReadersConnectionString(poolSize: 5));

        Assert.True(database.HasStandby);
        Assert.Equal(("standby", "reader"), (standby.Host, standby.Username));
        Assert.Equal((5, "Magazine readers", NewsroomDatabase.StandbyConnectTimeoutSeconds), (standby.MaxPoolSize, standby.ApplicationName, standby.Timeout));
        Assert.Equal((64, true, "-c jit=off"), (standby.MaxAutoPrepare, standby.NoResetOnClose, standby.Options));
    }

    [Fact]
    public void A_connect_timeout_written_for_the_standby_wins()
    {
        var database = new NewsroomDatabase("Host=primary", "Host=standby;Timeout=7");

        Assert.Equal(7, new NpgsqlConnectionStringBuilder(database.StandbyReadersConnectionString(poolSize: null)).Timeout);
    }

    [Fact]
    public void Without_a_standby_nothing_is_routed_to_one()
    {
        var database = new NewsroomDatabase("Host=primary");

        Assert.False(database.HasStandby);
        Assert.Throws<InvalidOperationException>(() => database.StandbyReadersConnectionString(poolSize: null));
    }
}
