using System.ComponentModel.DataAnnotations;

namespace Newsroom.Infrastructure.Startup;

/// <summary>How the API finds and prepares its database (configuration section <c>Newsroom</c>).</summary>
public sealed class NewsroomOptions
{
    public const string SectionName = "Newsroom";

    /// <summary>Where the embedded PostgreSQL cluster and generated development secrets live. Default: <c>.data</c> at the repository root, else the user's data folder.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Seeds the demo articles on first run. Default: on for the embedded database, off otherwise.</summary>
    public bool? SeedDemoContent { get; set; }

    /// <summary>Applies migrations at start-up. Default: on in Development and for the embedded database; production runs <c>--migrate</c> explicitly.</summary>
    public bool? ApplyMigrations { get; set; }

    /// <summary>
    /// Connections of the readers' pool (lists, the article page, search), apart from the pool of everything else.
    /// Default: two per core of the API's machine, at least 4; set it to twice the database server's cores.
    /// </summary>
    [Range(1, 1000)]
    public int? ReadersPoolSize { get; set; }

    public BootstrapOptions Bootstrap { get; set; } = new();
}

/// <summary>The first admin, created when no admin exists yet.</summary>
public sealed class BootstrapOptions
{
    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }
}
