using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Newsroom.Application.Common.Abstractions;
using Npgsql;

namespace Newsroom.Infrastructure.Persistence;

/// <summary>
/// The keys of what the saves of one transaction made stale (<see cref="PublicContent"/>), with the neighbours of newly
/// placed articles looked up after them, in the same transaction. A change it could not make precise counts as
/// <see cref="PublicChange.Everything"/>.
/// </summary>
internal sealed class PublicChangeTally
{
    /// <summary>Previous and next of each placed article <c>me</c>, site-wide and in its section, as the article page finds them.</summary>
    private const string NeighboursSql = $"""
            SELECT n.id AS "Value" FROM articles me
            CROSS JOIN LATERAL (
                (SELECT a.id FROM articles a WHERE {ArticleVisibility.Sql} AND (a.published_at, a.id) < (me.published_at, me.id)
                 ORDER BY a.published_at DESC, a.id DESC LIMIT 1)
                UNION ALL
                (SELECT a.id FROM articles a WHERE {ArticleVisibility.Sql} AND (a.published_at, a.id) > (me.published_at, me.id)
                 ORDER BY a.published_at, a.id LIMIT 1)
                UNION ALL
                (SELECT a.id FROM articles a WHERE {ArticleVisibility.Sql} AND a.section_id = me.section_id AND (a.published_at, a.id) < (me.published_at, me.id)
                 ORDER BY a.published_at DESC, a.id DESC LIMIT 1)
                UNION ALL
                (SELECT a.id FROM articles a WHERE {ArticleVisibility.Sql} AND a.section_id = me.section_id AND (a.published_at, a.id) > (me.published_at, me.id)
                 ORDER BY a.published_at, a.id LIMIT 1)
            ) n
            WHERE me.id = ANY(@placed) AND me.status IN ('Published', 'Scheduled')
        """;

    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly HashSet<Guid> _placed = [];
    private bool _everything;

    /// <summary>The change counted so far; <see cref="PublicChange.Everything"/> while placed articles' neighbours are still unknown.</summary>
    public PublicChange Change => _everything || _placed.Count > 0 ? PublicChange.Everything : PublicChange.Of(_keys);

    public void Forget()
    {
        _keys.Clear();
        _placed.Clear();
        _everything = false;
    }

    /// <summary>Counts a scan made before a save.</summary>
    public void Count(PublicContentScan scan)
    {
        _keys.UnionWith(scan.Keys);
        _placed.UnionWith(scan.Placed);
    }

    /// <summary>Counts a scan made before a synchronous save, after which no neighbours are looked up: a placed article makes it everything.</summary>
    public void CountWithoutNeighbours(PublicContentScan scan)
    {
        _keys.UnionWith(scan.Keys);
        _everything |= scan.Placed.Count > 0;
    }

    /// <summary>
    /// After the saves: the articles that were previous or next of each placed article, on the site or in its section,
    /// as readers see them at <paramref name="now"/>. Their pages now show it, and did not carry its key. (A withdrawn
    /// article's neighbours need nothing: their pages carry its key.)
    /// </summary>
    public async Task PlaceAsync(DatabaseFacade database, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_placed.Count == 0)
        {
            return;
        }

        var neighbours = await database.SqlQueryRaw<Guid>(NeighboursSql,
            new NpgsqlParameter("placed", _placed.ToArray()),
            new NpgsqlParameter("now", now.ToUniversalTime())).ToListAsync(cancellationToken);
        foreach (var id in neighbours)
        {
            _keys.Add(CacheKeys.Article(id));
        }

        _placed.Clear();
    }
}
