namespace Newsroom.Domain.Articles;

public enum ArticleStatus
{
    Draft,
    Scheduled,
    Published,
    Withdrawn,
}
