using System.ComponentModel.DataAnnotations;

namespace Newsroom.Application.Articles.Rendering;

/// <summary>How long a save may wait for its body to render (configuration section <c>Newsroom:Rendering</c>), validated at start-up.</summary>
public sealed class RenderingOptions
{
    public const string SectionName = "Newsroom:Rendering";

    /// <summary>
    /// Past this, the save is answered 422 instead of waiting. The limits of <see cref="ArticleBodyCost"/> keep every
    /// accepted body far below it (200 ms at worst on a 2-core machine): this is the safety net, not the rule.
    /// </summary>
    [Range(1, 60_000)]
    public int TimeBudgetMilliseconds { get; set; } = 2_000;
}
