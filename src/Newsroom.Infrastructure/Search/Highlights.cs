using Newsroom.Application.Search;
using Npgsql;

namespace Newsroom.Infrastructure.Search;

/// <summary>
/// The title with its matches marked, and an excerpt around a match, for the hits of one page. Parsing a whole body
/// costs ~0.5 ms, so for a title/tags/standfirst match the excerpt is its standfirst when the match is there (else the
/// body's start), and for a body match it is looked for in the body's first 1,000 characters, then in the whole body.
/// Matches are marked with this request's own random <see cref="HighlightMarkers"/>, which no stored text can hold.
/// </summary>
internal static class Highlights
{
    /// <summary>Characters of the body an excerpt is first looked for in.</summary>
    private const int ExcerptWindow = 1000;

    /// <param name="ids">The page's articles.</param>
    /// <param name="headIds">Those of them ranked in the title/tags/standfirst tier.</param>
    public static async Task<Dictionary<Guid, SearchHighlights>> OfPageAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string query, Guid[] ids, Guid[] headIds, CancellationToken cancellationToken)
    {
        var highlights = new Dictionary<Guid, SearchHighlights>(ids.Length);
        if (ids.Length == 0)
        {
            return highlights;
        }

        var markers = HighlightMarkers.Random();
        // The markers are parameters, so the statement stays the same (and prepared) from one request to the next.
        const string Options = "@excerpt_options";
        // OFFSET 0 keeps the inner query apart, so each headline is computed once however often the outer one uses it.
        await using var command = new NpgsqlCommand($"""
            SELECT h.id, h.title,
                   CASE WHEN strpos(h.first, @mark_start) > 0 OR h.whole_body THEN h.first
                        WHEN h.in_head THEN ts_headline('public.french_unaccent', left(h.body_text, {ExcerptWindow}), {SearchSql.Query}, {Options})
                        ELSE ts_headline('public.french_unaccent', h.body_text, {SearchSql.Query}, {Options}) END
            FROM (
                SELECT a.id, a.body_text, a.id = ANY(@head) AS in_head, length(a.body_text) <= {ExcerptWindow} AS whole_body,
                       ts_headline('public.french_unaccent', a.title, {SearchSql.Query}, @title_options) AS title,
                       CASE WHEN a.id = ANY(@head) THEN ts_headline('public.french_unaccent', a.standfirst, {SearchSql.Query}, {Options})
                            ELSE ts_headline('public.french_unaccent', left(a.body_text, {ExcerptWindow}), {SearchSql.Query}, {Options}) END AS first
                FROM articles a
                WHERE a.id = ANY(@ids)
                OFFSET 0
            ) h
            """, connection, transaction);
        command.Parameters.AddWithValue("head", headIds);
        command.Parameters.AddWithValue("q", query);
        command.Parameters.AddWithValue("ids", ids);
        command.Parameters.AddWithValue("mark_start", markers.Start);
        command.Parameters.AddWithValue("title_options", $"HighlightAll=true, StartSel={markers.Start}, StopSel={markers.End}");
        command.Parameters.AddWithValue("excerpt_options", $"MaxWords=35, MinWords=15, MaxFragments=1, StartSel={markers.Start}, StopSel={markers.End}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            highlights[reader.GetGuid(0)] = new SearchHighlights(markers.ToHtml(reader.GetString(1)), markers.ToHtml(reader.GetString(2)));
        }

        return highlights;
    }
}
