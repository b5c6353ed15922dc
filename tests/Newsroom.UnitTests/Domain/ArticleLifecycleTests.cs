using Newsroom.Domain;
using Newsroom.Domain.Articles;

namespace Newsroom.UnitTests.Domain;

/// <summary>Scheduling, going live, unscheduling, withdrawal and deletion: the instants at their edges and what each refusal tells the editor.</summary>
public sealed class ArticleLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2025, 7, 2, 8, 30, 0, TimeSpan.Zero);

    private static Article Draft(string standfirst = "Un chapô", int authors = 1) =>
        Article.CreateDraft(Guid.NewGuid(), "un-article",
            new ArticleContent("Un article", standfirst, "Du texte", Guid.NewGuid(), [], Enumerable.Range(0, authors).Select(_ => Guid.NewGuid()).ToList(), [], null),
            new ArticleRendering("<p>Du texte</p>", "Du texte", 2, 1), Guid.NewGuid(), Now);

    [Fact]
    public void Publishing_twice_tells_the_editor_the_article_is_already_published()
    {
        var article = Draft();
        article.Publish(Now);

        var refusal = Assert.Throws<DomainRuleViolation>(() => article.Publish(Now.AddMinutes(1)));

        Assert.Contains("already published", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Publishing_without_standfirst_and_author_lists_both_in_the_message_and_says_why_each_is_missing()
    {
        var article = Draft(standfirst: "  ", authors: 0);

        var refusal = Assert.Throws<DomainRuleViolation>(() => article.Publish(Now));

        Assert.Equal("The article cannot be published yet: standfirst, authorIds.", refusal.Message);
        Assert.Equal(["is required to publish."], refusal.Missing["standfirst"]);
        Assert.Equal(["at least one author is required to publish."], refusal.Missing["authorIds"]);
    }

    [Fact]
    public void Scheduling_a_published_article_is_refused_until_it_is_withdrawn()
    {
        var article = Draft();
        article.Publish(Now);

        var refusal = Assert.Throws<DomainRuleViolation>(() => article.Schedule(Now.AddDays(1), Now));

        Assert.Contains("withdraw it", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(Now, article.PublishedAt);
    }

    [Fact]
    public void Scheduling_at_the_present_instant_is_refused_and_says_the_instant_must_be_in_the_future()
    {
        var article = Draft();

        var refusal = Assert.Throws<DomainRuleViolation>(() => article.Schedule(Now, Now));

        Assert.Contains("future", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(["must be in the future."], refusal.Missing["publishAt"]);
        Assert.Equal(ArticleStatus.Draft, article.Status);
    }

    [Fact]
    public void Scheduling_one_second_ahead_is_accepted_and_sets_both_instants()
    {
        var article = Draft();
        var at = Now.AddSeconds(1);

        article.Schedule(at, Now);

        Assert.Equal(ArticleStatus.Scheduled, article.Status);
        Assert.Equal(at, article.PublishAt);
        Assert.Equal(at, article.PublishedAt);
        Assert.Equal(Now, article.UpdatedAt);
        Assert.Empty(article.Events);
    }

    [Fact]
    public void Scheduling_an_article_without_standfirst_is_refused_like_publishing_it()
    {
        var article = Draft(standfirst: "");

        var refusal = Assert.Throws<DomainRuleViolation>(() => article.Schedule(Now.AddDays(1), Now));

        Assert.Equal(["standfirst"], refusal.Missing.Keys.ToArray());
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Null(article.PublishedAt);
    }

    [Fact]
    public void Unscheduling_a_draft_is_refused()
    {
        var article = Draft();

        var refusal = Assert.Throws<DomainRuleViolation>(() => article.Unschedule(Now));

        Assert.Contains("Only a scheduled article", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unscheduling_at_the_very_instant_of_going_live_is_refused()
    {
        var article = Draft();
        var at = Now.AddMinutes(5);
        article.Schedule(at, Now);

        var refusal = Assert.Throws<DomainRuleViolation>(() => article.Unschedule(at));

        Assert.Contains("withdraw it instead", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Scheduled, article.Status);
    }

    [Fact]
    public void Unscheduling_one_tick_before_going_live_returns_the_article_to_draft()
    {
        var article = Draft();
        var at = Now.AddMinutes(5);
        article.Schedule(at, Now);

        article.Unschedule(at.AddTicks(-1));

        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Null(article.PublishAt);
        Assert.Null(article.PublishedAt);
        Assert.Equal(at.AddTicks(-1), article.UpdatedAt);
    }

    [Fact]
    public void Withdrawing_a_draft_is_refused()
    {
        var article = Draft();

        var refusal = Assert.Throws<DomainRuleViolation>(() => article.Withdraw(Now));

        Assert.Contains("Only a published article", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Draft, article.Status);
    }

    [Fact]
    public void Withdrawing_a_scheduled_article_before_its_instant_is_refused_but_after_it_succeeds()
    {
        var article = Draft();
        var at = Now.AddHours(1);
        article.Schedule(at, Now);

        Assert.Throws<DomainRuleViolation>(() => article.Withdraw(at.AddTicks(-1)));
        article.Withdraw(at);

        Assert.Equal(ArticleStatus.Withdrawn, article.Status);
        Assert.Null(article.PublishAt);
        Assert.False(article.IsPublicAt(at));
        Assert.Equal(ArticleEvent.Withdrawn, Assert.Single(article.Events).Type);
    }

    [Fact]
    public void Going_live_at_exactly_the_scheduled_instant_publishes()
    {
        var article = Draft();
        var at = Now.AddHours(2);
        article.Schedule(at, Now);

        Assert.True(article.GoLiveIfDue(at));

        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Null(article.PublishAt);
        var published = Assert.Single(article.Events);
        Assert.Equal((ArticleEvent.Published, article.Id, at), (published.Type, published.ArticleId, published.OccurredAt));
    }

    [Fact]
    public void Going_live_is_not_for_drafts()
    {
        var article = Draft();

        Assert.False(article.GoLiveIfDue(Now.AddYears(1)));
        Assert.Equal(ArticleStatus.Draft, article.Status);
    }

    [Fact]
    public void A_republication_by_schedule_keeps_the_first_publication_instant()
    {
        var article = Draft();
        article.Publish(Now);
        article.Withdraw(Now.AddDays(1));
        var again = Now.AddDays(2);
        article.Schedule(again, Now.AddDays(1));

        article.GoLiveIfDue(again);

        Assert.Equal(Now, article.FirstPublishedAt);
        Assert.Equal(again, article.PublishedAt);
    }

    [Fact]
    public void Deleting_a_published_article_says_to_withdraw_it_and_a_scheduled_one_to_unschedule_it()
    {
        var published = Draft();
        published.Publish(Now);
        var scheduled = Draft();
        scheduled.Schedule(Now.AddDays(1), Now);

        Assert.Contains("withdraw it first", Assert.Throws<DomainRuleViolation>(published.EnsureDeletable).Message, StringComparison.Ordinal);
        Assert.Contains("unschedule it first", Assert.Throws<DomainRuleViolation>(scheduled.EnsureDeletable).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_violation_without_details_has_no_missing_fields()
    {
        var violation = new DomainRuleViolation("Refusé.");

        Assert.Equal("Refusé.", violation.Message);
        Assert.Empty(violation.Missing);
    }
}
