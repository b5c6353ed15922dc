using Microsoft.Extensions.Logging.Abstractions;
using Newsroom.Application.Articles.Rendering;
using Newsroom.Application.Common.Errors;

namespace Newsroom.UnitTests;

/// <summary>
/// The time budget and the render slots, with a renderer that renders only when the test lets it: rendering is pure
/// CPU work, so holding it is the honest way to make a render slow.
/// </summary>
public sealed class ArticleBodyRenderingTests
{
    private sealed class HeldRenderer : IArticleBodyRenderer
    {
        public ManualResetEventSlim Release { get; } = new(false);

        public RenderedBody Render(string markdown)
        {
            Release.Wait(TimeSpan.FromSeconds(30));
            return new RenderedBody($"<p>{markdown}</p>", markdown, 1, 1);
        }
    }

    private static ArticleBodyRendering Rendering(IArticleBodyRenderer renderer, RenderingSlots slots, int budgetMilliseconds) =>
        new(renderer, slots, new RenderingOptions { TimeBudgetMilliseconds = budgetMilliseconds }, NullLogger<ArticleBodyRendering>.Instance);

    [Fact]
    public async Task A_render_past_its_budget_is_refused_as_unprocessable()
    {
        var renderer = new HeldRenderer();
        var rendering = Rendering(renderer, new RenderingSlots(1), 50);

        await rendering.RenderAsync("lent", CancellationToken.None);

        Assert.Throws<UnprocessableProblem>(() => rendering.Result("lent"));
        renderer.Release.Set();
    }

    [Fact]
    public async Task An_abandoned_render_keeps_its_slot_until_it_ends_so_slow_saves_cannot_pile_up()
    {
        var renderer = new HeldRenderer();
        var slots = new RenderingSlots(1);

        await Rendering(renderer, slots, 50).RenderAsync("lent", CancellationToken.None);
        var busy = await Assert.ThrowsAsync<TooManyAttemptsProblem>(() => Rendering(renderer, slots, 50).RenderAsync("suivant", CancellationToken.None));
        Assert.Equal(TimeSpan.FromSeconds(1), busy.RetryAfter);

        renderer.Release.Set();
        var next = Rendering(renderer, slots, 5_000);
        await next.RenderAsync("suivant", CancellationToken.None);
        Assert.Equal("<p>suivant</p>", next.Result("suivant").Html);
    }

    [Fact]
    public async Task A_render_within_its_budget_gives_its_result_and_its_slot_back()
    {
        var renderer = new HeldRenderer();
        renderer.Release.Set();
        var slots = new RenderingSlots(1);

        var first = Rendering(renderer, slots, 5_000);
        await first.RenderAsync("premier", CancellationToken.None);
        var second = Rendering(renderer, slots, 5_000);
        await second.RenderAsync("second", CancellationToken.None);

        Assert.Equal("<p>premier</p>", first.Result("premier").Html);
        Assert.Equal("<p>second</p>", second.Result("second").Html);
    }
}
