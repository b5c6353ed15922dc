using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Newsroom.Bench.Corpus;
using Npgsql;
using NpgsqlTypes;

namespace Newsroom.Bench.Search;

/// <summary>
/// Each article's search document (<c>article_search.document</c>) computed here, byte for byte what PostgreSQL's
/// <c>newsroom_search_document</c> gives (Persistence/Sql/02_article_search.sql): in PostgreSQL it costs ≈ 2.3 ms of
/// CPU per article, four to_tsvector passes over ~5 kB, the bulk of a load.
/// <para>
/// Why it can be exact without reimplementing the French stemmer: PostgreSQL's default parser (wparser_def.c) never
/// reads a token across ASCII whitespace — only tags and comments, which start with '&lt;', do — and whatever token
/// the whitespace ended, the first character after it is read in the same state (TPS_InSpace); whitespace and the
/// end of the text end a token alike; and the dictionaries of both configurations take one token at a time. So a
/// text's to_tsvector is its whitespace-separated chunks' words, each chunk's positions shifted by the positions
/// (every token a dictionary answers, stopwords included) of the chunks before it. PostgreSQL itself tells, once,
/// what each distinct chunk gives; the corpus has a bounded vocabulary, so after a few batches nearly every chunk is
/// known. The rest, positions, weights and <c>||</c>, is <see cref="TsVector"/>. Only ASCII whitespace (and the
/// apostrophes newsroom_search_text makes spaces) cuts chunks: any other character, a non-breaking space say, stays
/// inside its chunk, where PostgreSQL reads it itself.
/// </para>
/// </summary>
internal sealed class SearchDocuments
{
    // newsroom_search_text turns these apostrophes into spaces, so they separate chunks like whitespace does.
    private static readonly SearchValues<char> Separators = SearchValues.Create(" \t\n\v\f\r’‘ʼ'");

    // Follows each chunk sent to PostgreSQL: its position, one past the chunk's last, counts the chunk's positions
    // even when trailing stopwords leave no lexeme to show them.
    private const string Marker = "zzzz";

    private readonly Vocabulary vocabulary = new();

    // A text's first chunk is read from the parser's initial state, which differs from TPS_InSpace for '.' and '~'
    // (paths): it is learnt apart, as PostgreSQL reads it.
    private readonly Dictionary<string, Chunk> opening = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Chunk> following = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Chunk>.AlternateLookup<ReadOnlySpan<char>> openingBySpan;
    private readonly Dictionary<string, Chunk>.AlternateLookup<ReadOnlySpan<char>> followingBySpan;

    public SearchDocuments()
    {
        openingBySpan = opening.GetAlternateLookup<ReadOnlySpan<char>>();
        followingBySpan = following.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Distinct chunks PostgreSQL has read so far.</summary>
    public int Learnt => opening.Count + following.Count;

    /// <summary>Time spent waiting for PostgreSQL to read new chunks.</summary>
    public TimeSpan Asking { get; private set; }

    /// <summary>
    /// The batch's documents, built on the <paramref name="parallel"/> threads; the chunks PostgreSQL has not read
    /// yet are sent to it in one query, and the documents that needed them built again.
    /// </summary>
    public async Task<byte[][]> BuildAsync(NpgsqlConnection connection, IReadOnlyList<GeneratedArticle> batch, ParallelOptions parallel, CancellationToken ct)
    {
        var documents = new byte[batch.Count][];
        var unknown = new ConcurrentDictionary<(string Text, bool Opening), bool>();
        Parallel.For(0, batch.Count, parallel, i => documents[i] = Document(batch[i], unknown)!);
        if (!unknown.IsEmpty)
        {
            await LearnAsync(connection, [.. unknown.Keys], ct);
            Parallel.For(0, batch.Count, parallel, i => documents[i] ??= Document(batch[i], unknown)
                ?? throw new InvalidOperationException("A chunk PostgreSQL has read is still unknown."));
        }

        return documents;
    }

    /// <summary>
    /// <c>newsroom_search_document</c>: search_head (title A, tags B, standfirst B) || body_text C, each text weighted
    /// in both configurations (newsroom_search_weighted), in tsvector's binary form; null when a chunk is unknown,
    /// every such chunk then added to <paramref name="unknown"/>.
    /// </summary>
    private byte[]? Document(GeneratedArticle article, ConcurrentDictionary<(string, bool), bool> unknown)
    {
        var title = Weighted(article.Title, TsVector.Weight.A, unknown);
        var tags = Weighted(article.SearchTags, TsVector.Weight.B, unknown);
        var standfirst = Weighted(article.Standfirst, TsVector.Weight.B, unknown);
        var body = Weighted(article.Rendered.Text, TsVector.Weight.C, unknown);
        return title is null || tags is null || standfirst is null || body is null
            ? null
            : title.Concat(tags).Concat(standfirst).Concat(body).ToBinary(vocabulary);
    }

    /// <summary>newsroom_search_weighted: the French vector || the unaccented one, both with the text's weight.</summary>
    private TsVector? Weighted(string text, TsVector.Weight weight, ConcurrentDictionary<(string, bool), bool> unknown)
    {
        if (text.Contains('<', StringComparison.Ordinal))
        {
            // Tags and comments are the parser's only tokens that run across whitespace. The corpus has none.
            throw new NotSupportedException($"Search documents are computed chunk by chunk, which a text with '<' would defeat: «{text[..Math.Min(80, text.Length)]}…»");
        }

        var french = new List<long>(text.Length / 4);
        var unaccented = new List<long>(text.Length / 4);
        int frenchUsed = 0, unaccentedUsed = 0;
        var complete = true;
        var start = 0;
        while (start < text.Length)
        {
            var length = text.AsSpan(start).IndexOfAny(Separators);
            length = length < 0 ? text.Length - start : length;
            if (length > 0)
            {
                var span = text.AsSpan(start, length);
                if ((start == 0 ? openingBySpan : followingBySpan).TryGetValue(span, out var chunk))
                {
                    Add(french, chunk.French, ref frenchUsed);
                    Add(unaccented, chunk.Unaccented, ref unaccentedUsed);
                }
                else
                {
                    unknown.TryAdd((span.ToString(), start == 0), true);
                    complete = false;
                }
            }

            start += length + 1;
        }

        return complete
            ? TsVector.Parsed(CollectionsMarshal.AsSpan(french), weight).Concat(TsVector.Parsed(CollectionsMarshal.AsSpan(unaccented), weight))
            : null;
    }

    // The chunk's words at their place in the text: after the positions the chunks before it used.
    private static void Add(List<long> words, Words chunk, ref int used)
    {
        foreach (var (lexeme, position) in chunk.Found)
        {
            words.Add(TsVector.Word(lexeme, used + position));
        }

        used += chunk.Positions;
    }

    /// <summary>Asks PostgreSQL, in one query, what the chunks give in both configurations; numbers the new lexemes.</summary>
    private async Task LearnAsync(NpgsqlConnection connection, (string Text, bool Opening)[] chunks, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using (var command = new NpgsqlCommand(
            """
            SELECT to_tsvector('pg_catalog.french', t), to_tsvector('public.french_unaccent', t)
            FROM unnest($1::text[]) WITH ORDINALITY AS u(t, n)
            ORDER BY n
            """, connection))
        {
            // After whitespace, as in the text: the parser reads the chunk's first character in TPS_InSpace.
            command.Parameters.AddWithValue(chunks.Select(c => $"{(c.Opening ? "" : " ")}{c.Text} {Marker}").ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct);
            foreach (var (text, isOpening) in chunks)
            {
                if (!await reader.ReadAsync(ct))
                {
                    throw new InvalidOperationException("PostgreSQL answered fewer chunks than it was asked.");
                }

                var chunk = new Chunk(WordsOf(reader.GetFieldValue<NpgsqlTsVector>(0), text), WordsOf(reader.GetFieldValue<NpgsqlTsVector>(1), text));
                (isOpening ? opening : following).Add(text, chunk);
            }
        }

        vocabulary.Order();
        Asking += clock.Elapsed;
    }

    /// <summary>A learnt chunk's lexemes at their positions within it, without the marker; and how many positions it uses.</summary>
    private Words WordsOf(NpgsqlTsVector vector, string chunk)
    {
        var marker = vector.SelectMany(l => Enumerable.Range(0, l.Count).Select(i => l[i].Pos)).DefaultIfEmpty(0).Max();
        if (marker is 0 or >= TsVector.MaxPosition)
        {
            throw new NotSupportedException($"The chunk «{chunk[..Math.Min(80, chunk.Length)]}» does not fit the chunk-by-chunk computation of search documents.");
        }

        var found = new List<(Lexeme, int)>();
        foreach (var lexeme in vector)
        {
            for (var i = 0; i < lexeme.Count; i++)
            {
                if (lexeme[i].Pos != marker)
                {
                    found.Add((vocabulary.Intern(lexeme.Text), lexeme[i].Pos));
                }
            }
        }

        return new Words([.. found], marker - 1);
    }

    private sealed record Words((Lexeme Lexeme, int Position)[] Found, int Positions);

    private sealed record Chunk(Words French, Words Unaccented);
}
