using System.Buffers.Binary;
using System.Text;

namespace Newsroom.Bench.Search;

/// <summary>A lexeme, interned, numbered in PostgreSQL's order of lexemes among all those met so far.</summary>
internal sealed class Lexeme(string text)
{
    public string Text { get; } = text;

    public byte[] Utf8 { get; } = Encoding.UTF8.GetBytes(text);

    /// <summary>Its place in <see cref="Vocabulary"/>'s order; changes only while no tsvector is being built.</summary>
    public int Rank { get; set; }
}

/// <summary>
/// Every lexeme met, numbered in the order of a tsvector's lexemes (tsCompareString: memcmp of the UTF-8 bytes over
/// the common length, then the shorter first), so that <see cref="TsVector"/> sorts and merges integers.
/// </summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, Lexeme> byText = new(StringComparer.Ordinal);
    private Lexeme[] ordered = [];

    public Lexeme this[int rank] => ordered[rank];

    public Lexeme Intern(string text)
    {
        if (!byText.TryGetValue(text, out var lexeme))
        {
            lexeme = new Lexeme(text);
            byText.Add(text, lexeme);
        }

        return lexeme;
    }

    /// <summary>Numbers the lexemes again after some were added; not while a tsvector is being built.</summary>
    public void Order()
    {
        ordered = [.. byText.Values];
        Array.Sort(ordered, (a, b) => a.Utf8.AsSpan().SequenceCompareTo(b.Utf8));
        for (var i = 0; i < ordered.Length; i++)
        {
            ordered[i].Rank = i;
        }
    }
}

/// <summary>
/// A tsvector built by the same rules as PostgreSQL 15's own functions, so that the bytes it sends are those of the
/// value PostgreSQL would have computed: <c>setweight(to_tsvector(…))</c> (<see cref="Parsed"/>) and <c>||</c>
/// (<see cref="Concat"/>). Lexemes (by <see cref="Lexeme.Rank"/>) in PostgreSQL's order, each with its positions
/// as WordEntryPos: weight in the two high bits, position in the fourteen low ones. Every lexeme has positions, as
/// to_tsvector gives them.
/// </summary>
internal sealed class TsVector
{
    /// <summary>Positions stop at 16383 (LIMITPOS): later words all share it.</summary>
    public const int MaxPosition = (1 << 14) - 1;

    /// <summary>to_tsvector keeps at most 255 positions of a lexeme (uniqueWORD's MAXNUMPOS - 1), || up to 256.</summary>
    private const int MaxParsedPositions = 255;

    private const int MaxPositions = 256;

    private readonly int[] lexemes;
    private readonly int[] starts; // lexeme i's positions are positions[starts[i]..starts[i + 1]]
    private readonly ushort[] positions;

    private TsVector(int[] lexemes, int[] starts, ushort[] positions)
    {
        this.lexemes = lexemes;
        this.starts = starts;
        this.positions = positions;
    }

    public enum Weight
    {
        A = 3,
        B = 2,
        C = 1,
    }

    /// <summary>A word as the parser reports it (parsetext), its position already limited to 16383 as LIMITPOS does.</summary>
    public static long Word(Lexeme lexeme, int position) => ((long)lexeme.Rank << 16) | (uint)Math.Min(position, MaxPosition);

    /// <summary>
    /// <c>setweight(to_tsvector(…), weight)</c> of a text whose words are given: sorted by lexeme then position, as
    /// uniqueWORD does, a repeated position dropped, at most 255 positions per lexeme and none after 16383.
    /// Sorts <paramref name="words"/> in place.
    /// </summary>
    public static TsVector Parsed(Span<long> words, Weight weight)
    {
        words.Sort();
        var lexemes = new List<int>();
        var starts = new List<int>();
        var positions = new List<ushort>(words.Length);
        var tag = (int)weight << 14;
        var last = -1;
        foreach (var word in words)
        {
            var rank = (int)(word >> 16);
            var position = (int)(word & 0xFFFF);
            if (lexemes.Count == 0 || lexemes[^1] != rank)
            {
                lexemes.Add(rank);
                starts.Add(positions.Count);
            }
            else if (positions.Count - starts[^1] >= MaxParsedPositions || last == MaxPosition || last == position)
            {
                continue;
            }

            positions.Add((ushort)(tag | position));
            last = position;
        }

        starts.Add(positions.Count);
        return new TsVector([.. lexemes], [.. starts], [.. positions]);
    }

    /// <summary>
    /// <c>||</c> as tsvector_concat does it: the right operand's positions are shifted by the largest position of the
    /// left one (whatever its lexeme, so trailing stopwords do not count), clamped at 16383; a lexeme in both keeps
    /// its left positions, then right ones while it has fewer than 256 and its last is not 16383 (add_pos).
    /// </summary>
    public TsVector Concat(TsVector right)
    {
        var shift = 0;
        foreach (var position in positions)
        {
            shift = Math.Max(shift, position & MaxPosition);
        }

        var outLexemes = new int[lexemes.Length + right.lexemes.Length];
        var outStarts = new int[outLexemes.Length + 1];
        var outPositions = new ushort[positions.Length + right.positions.Length];
        int count = 0, used = 0, i = 0, j = 0;
        while (i < lexemes.Length || j < right.lexemes.Length)
        {
            var order = i == lexemes.Length ? 1 : j == right.lexemes.Length ? -1 : lexemes[i].CompareTo(right.lexemes[j]);
            outLexemes[count] = order <= 0 ? lexemes[i] : right.lexemes[j];
            outStarts[count++] = used;
            var first = used;
            if (order <= 0)
            {
                var left = positions.AsSpan(starts[i], starts[i + 1] - starts[i]);
                left.CopyTo(outPositions.AsSpan(used));
                used += left.Length;
                i++;
            }

            if (order >= 0)
            {
                for (var k = right.starts[j]; k < right.starts[j + 1]; k++)
                {
                    if (used - first >= MaxPositions || (used > first && (outPositions[used - 1] & MaxPosition) == MaxPosition))
                    {
                        break;
                    }

                    var position = right.positions[k];
                    outPositions[used++] = (ushort)((position & ~MaxPosition) | Math.Min((position & MaxPosition) + shift, MaxPosition));
                }

                j++;
            }
        }

        outStarts[count] = used;
        return new TsVector(outLexemes[..count], outStarts[..(count + 1)], outPositions[..used]);
    }

    /// <summary>The binary form (tsvectorsend): what a binary COPY hands to tsvectorrecv.</summary>
    public byte[] ToBinary(Vocabulary vocabulary)
    {
        var length = 4 + (2 * positions.Length);
        foreach (var rank in lexemes)
        {
            length += vocabulary[rank].Utf8.Length + 1 + 2;
        }

        var bytes = new byte[length];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteInt32BigEndian(span, lexemes.Length);
        var offset = 4;
        for (var i = 0; i < lexemes.Length; i++)
        {
            var text = vocabulary[lexemes[i]].Utf8;
            text.CopyTo(span[offset..]);
            offset += text.Length + 1; // the terminating zero is already there
            BinaryPrimitives.WriteUInt16BigEndian(span[offset..], (ushort)(starts[i + 1] - starts[i]));
            offset += 2;
            for (var k = starts[i]; k < starts[i + 1]; k++)
            {
                BinaryPrimitives.WriteUInt16BigEndian(span[offset..], positions[k]);
                offset += 2;
            }
        }

        return bytes;
    }
}
