namespace Newsroom.Domain.Articles;

/// <summary>The publication life cycle: draft → (scheduled) → published → withdrawn → published again.</summary>
public sealed partial class Article
{
    public void Publish(DateTimeOffset now)
    {
        if (Status == ArticleStatus.Published)
        {
            throw new DomainRuleViolation("The article is already published.");
        }

        EnsurePublishable();
        Status = ArticleStatus.Published;
        PublishAt = null;
        PublishedAt = now;
        FirstPublishedAt ??= now;
        UpdatedAt = now;
        _events.Add(new ArticleEvent(ArticleEvent.Published, Id, now));
    }

    public void Schedule(DateTimeOffset publishAt, DateTimeOffset now)
    {
        if (Status == ArticleStatus.Published)
        {
            throw new DomainRuleViolation("The article is already published; withdraw it before scheduling it again.");
        }

        if (publishAt <= now)
        {
            throw new DomainRuleViolation("The publication instant must be in the future.",
                new Dictionary<string, string[]> { ["publishAt"] = ["must be in the future."] });
        }

        EnsurePublishable();
        Status = ArticleStatus.Scheduled;
        PublishAt = publishAt;
        PublishedAt = publishAt;
        UpdatedAt = now;
    }

    public void Unschedule(DateTimeOffset now)
    {
        if (Status != ArticleStatus.Scheduled)
        {
            throw new DomainRuleViolation("Only a scheduled article can be unscheduled.");
        }

        if (PublishedAt <= now)
        {
            throw new DomainRuleViolation("The article has already gone live; withdraw it instead.");
        }

        Status = ArticleStatus.Draft;
        PublishAt = null;
        PublishedAt = null;
        UpdatedAt = now;
    }

    public void Withdraw(DateTimeOffset now)
    {
        if (!IsPublicAt(now))
        {
            throw new DomainRuleViolation("Only a published article can be withdrawn.");
        }

        Status = ArticleStatus.Withdrawn;
        PublishAt = null;
        UpdatedAt = now;
        _events.Add(new ArticleEvent(ArticleEvent.Withdrawn, Id, now));
    }

    /// <summary>The background publisher's move: a scheduled article whose time has come becomes published, at its scheduled instant.</summary>
    public bool GoLiveIfDue(DateTimeOffset now)
    {
        if (Status != ArticleStatus.Scheduled || PublishAt is not { } due || due > now)
        {
            return false;
        }

        Status = ArticleStatus.Published;
        PublishedAt = due;
        FirstPublishedAt ??= due;
        PublishAt = null;
        _events.Add(new ArticleEvent(ArticleEvent.Published, Id, now));
        return true;
    }

    /// <summary>Drafts (and withdrawn articles) may be deleted; anything readers can or will see must be withdrawn or unscheduled first.</summary>
    public void EnsureDeletable()
    {
        if (Status is ArticleStatus.Published or ArticleStatus.Scheduled)
        {
            throw new DomainRuleViolation(Status == ArticleStatus.Published
                ? "A published article cannot be deleted; withdraw it first."
                : "A scheduled article cannot be deleted; unschedule it first.");
        }
    }

    private void EnsurePublishable()
    {
        var missing = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Standfirst))
        {
            missing["standfirst"] = ["is required to publish."];
        }

        if (Authors.Count == 0)
        {
            missing["authorIds"] = ["at least one author is required to publish."];
        }

        if (missing.Count > 0)
        {
            throw new DomainRuleViolation("The article cannot be published yet: " + string.Join(", ", missing.Keys) + ".", missing);
        }
    }
}
