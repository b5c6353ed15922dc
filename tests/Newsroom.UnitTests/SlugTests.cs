using Newsroom.Domain;

namespace Newsroom.UnitTests;

public sealed class SlugTests
{
    [Theory]
    [InlineData("L’IA générative : Meta recrute à prix d’or", "l-ia-generative-meta-recrute-a-prix-d-or")]
    [InlineData("Revue de web", "revue-de-web")]
    [InlineData("SFR dévoile la Box 10+", "sfr-devoile-la-box-10")]
    [InlineData("Œuvre", "oeuvre")]
    [InlineData("Cœur", "coeur")]
    [InlineData("Ça", "ca")]
    [InlineData("Straße", "strasse")]
    [InlineData("«Bonjour»", "bonjour")]
    [InlineData("« Bonjour »", "bonjour")]
    [InlineData("‹ Salut ›", "salut")]
    [InlineData("Élève, être, Noël", "eleve-etre-noel")]
    [InlineData("À bâton rompu chez Gaël", "a-baton-rompu-chez-gael")]
    [InlineData("Île, maïs, hôtel, Citroën, où, août, aigüe", "ile-mais-hotel-citroen-ou-aout-aigue")]
    [InlineData("L'Haÿ-les-Roses", "l-hay-les-roses")]
    [InlineData("Æsthétique et ex æquo", "aesthetique-et-ex-aequo")]
    [InlineData("Señor Ñandú", "senor-nandu")]
    [InlineData("Łódź et Øresund", "lodz-et-oresund")]
    [InlineData("aujourd‘hui et aujourdʼhui", "aujourd-hui-et-aujourd-hui")]
    [InlineData("\"Quoted\" title", "quoted-title")]
    [InlineData("Tom & Jerry", "tom-jerry")]
    [InlineData("snake_case/and:colons;semi|pipe", "snake-case-and-colons-semi-pipe")]
    [InlineData("  --Déjà   vu--  ", "deja-vu")]
    [InlineData("Tab\tnew\nline\u00A0nbsp\u202Fnarrow", "tab-new-line-nbsp-narrow")]
    [InlineData("iPhone 16 Pro : 5 nouveautés en 2025", "iphone-16-pro-5-nouveautes-en-2025")]
    [InlineData("Москва and 東京 news", "and-news")]
    [InlineData("Emoji 🚀 launch 🎉", "emoji-launch")]
    [InlineData("ALREADY-a-slug", "already-a-slug")]
    [InlineData("Đorđe Balašević", "dorde-balasevic")]
    [InlineData("Ðiðrik", "didrik")]
    [InlineData("Þingvellir", "thingvellir")]
    [InlineData("Iğdır", "igdir")]
    [InlineData("Eﬀet ﬁnal ﬂou", "effet-final-flou")]
    [InlineData("Avant🚀après", "avant-apres")]
    public void A_headline_becomes_lowercase_ascii_words_joined_by_hyphens(string headline, string expected)
    {
        Assert.Equal(expected, Slug.From(headline));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    [InlineData("🚀🎉😀")]
    [InlineData("« … » – ’ ! ?")]
    [InlineData("日本語")]
    public void Text_with_nothing_usable_gives_an_empty_slug(string text)
    {
        Assert.Equal(string.Empty, Slug.From(text));
    }

    [Fact]
    public void Null_text_gives_an_empty_slug_rather_than_throwing()
    {
        Assert.Equal(string.Empty, Slug.From(null!));
    }

    [Theory]
    [InlineData("\uD800 lone high surrogate", "lone-high-surrogate")]
    [InlineData("lone low \uDC00 surrogate", "lone-low-surrogate")]
    [InlineData("reversed \uDE00\uD83D pair", "reversed-pair")]
    [InlineData("e\u0301te\u0301 de\u0301compose\u0301", "ete-decompose")]
    [InlineData("\u0301\u0301leading marks", "leading-marks")]
    [InlineData("nul\0char and \u001Bescape", "nul-char-and-escape")]
    public void Malformed_or_unusual_unicode_never_throws(string text, string expected)
    {
        Assert.Equal(expected, Slug.From(text));
    }

    [Fact]
    public void A_long_headline_is_cut_at_a_word_boundary()
    {
        var headline = string.Join(' ', Enumerable.Repeat("smartphone", 20)); // 10 letters + 1 hyphen each

        var slug = Slug.From(headline);

        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.Equal(98, slug.Length); // nine whole words: 9 * 10 + 8 hyphens
        Assert.False(slug.EndsWith('-'));
        Assert.All(slug.Split('-'), word => Assert.Equal("smartphone", word));
    }

    [Fact]
    public void A_word_ending_exactly_at_the_limit_is_kept()
    {
        var headline = new string('a', 50) + " " + new string('b', 49) + " cut";

        var slug = Slug.From(headline);

        Assert.Equal(100, slug.Length);
        Assert.EndsWith("b", slug);
    }

    [Fact]
    public void A_single_word_longer_than_the_limit_is_hard_cut()
    {
        var word = string.Concat(Enumerable.Repeat("abcdefghij", 15)); // 150 characters

        var slug = Slug.From(word);

        Assert.Equal(word[..100], slug);
    }

    [Fact]
    public void A_custom_maximum_length_is_honoured()
    {
        Assert.Equal("samsung-galaxy", Slug.From("Samsung Galaxy S25 Ultra", maxLength: 17));
        Assert.Equal("sam", Slug.From("Samsung", maxLength: 3));
    }

    [Fact]
    public void A_maximum_length_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Slug.From("titre", maxLength: 0));
    }

    [Theory]
    [InlineData("L’IA générative : Meta recrute à prix d’or")]
    [InlineData("«Bonjour»  --  le   monde ! ")]
    [InlineData("Œuvre, cœur & Straße")]
    [InlineData("🚀")]
    [InlineData("abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij")]
    public void Slugging_a_slug_changes_nothing(string text)
    {
        var once = Slug.From(text);

        Assert.Equal(once, Slug.From(once));
    }

    [Theory]
    [InlineData("L’IA générative : Meta recrute à prix d’or")]
    [InlineData("Cœur de « Ça »")]
    [InlineData("SFR dévoile la Box 10+")]
    public void Every_non_empty_slug_is_valid(string text)
    {
        Assert.True(Slug.IsValid(Slug.From(text)));
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("revue-de-web", true)]
    [InlineData("box-10", true)]
    [InlineData("2025", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("-leading", false)]
    [InlineData("trailing-", false)]
    [InlineData("double--hyphen", false)]
    [InlineData("Upper-case", false)]
    [InlineData("accentué", false)]
    [InlineData("with space", false)]
    [InlineData("under_score", false)]
    [InlineData("-", false)]
    public void IsValid_accepts_only_hyphenated_lowercase_ascii_words(string? slug, bool expected)
    {
        Assert.Equal(expected, Slug.IsValid(slug));
    }

    [Fact]
    public void IsValid_refuses_a_slug_longer_than_the_maximum()
    {
        var slug = new string('a', 201);

        Assert.False(Slug.IsValid(slug));
        Assert.True(Slug.IsValid(slug[..200]));
        Assert.False(Slug.IsValid("abcdef", maxLength: 5));
    }
}
