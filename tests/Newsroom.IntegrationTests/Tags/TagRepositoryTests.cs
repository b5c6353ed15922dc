using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Tags;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.IntegrationTests.Tags;

/// <summary>EnsureTagsAsync is what the article handlers call to file an article under tags named by editors.</summary>
public sealed class TagRepositoryTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    private async Task<IReadOnlyList<Domain.Tags.Tag>> EnsureAsync(params string[] names)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ITagRepository>().EnsureTagsAsync(names, CancellationToken.None);
    }

    private async Task<int> CountTagsAsync(string slug)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NewsroomDbContext>().Tags.CountAsync(t => t.Slug == slug);
    }

    [Fact]
    public async Task Missing_tags_are_created_with_their_normalised_name_and_returned_in_the_order_named()
    {
        var tags = await EnsureAsync("  Objets   connectés ", "Réseaux 5G", "Apple");

        Assert.Equal(new[] { "Objets connectés", "Réseaux 5G", "Apple" }, tags.Select(t => t.Name));
        Assert.Equal(new[] { "objets-connectes", "reseaux-5g", "apple" }, tags.Select(t => t.Slug));
        Assert.Equal(1, await CountTagsAsync("objets-connectes"));
    }

    [Fact]
    public async Task Spellings_of_one_tag_make_one_tag_and_the_first_spelling_wins()
    {
        var tags = await EnsureAsync("Intelligence artificielle", "intelligence  artificielle", "INTELLIGENCE ARTIFICIELLE");

        var tag = Assert.Single(tags);
        Assert.Equal("Intelligence artificielle", tag.Name);
        Assert.Equal(1, await CountTagsAsync("intelligence-artificielle"));
    }

    [Fact]
    public async Task An_existing_tag_is_reused_and_keeps_its_spelling()
    {
        var first = Assert.Single(await EnsureAsync("Télécoms"));

        var again = await EnsureAsync("Nouveau tag", "TELECOMS");

        Assert.Equal(2, again.Count);
        Assert.Equal(first.Id, again[1].Id);
        Assert.Equal("Télécoms", again[1].Name);
        Assert.Equal(1, await CountTagsAsync("telecoms"));
    }

    [Fact]
    public async Task No_names_make_no_tags()
    {
        Assert.Empty(await EnsureAsync());
    }

    [Theory]
    [InlineData("« ! »")]
    [InlineData("")]
    public async Task A_name_that_makes_no_slug_is_a_programming_error_not_a_tag(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => EnsureAsync("Valide", name));
        Assert.Equal(0, await CountTagsAsync("valide"));
    }

    [Fact]
    public async Task A_name_longer_than_a_tag_name_is_a_programming_error()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => EnsureAsync(new string('a', 81)));
    }

    [Fact]
    public async Task Concurrent_callers_naming_the_same_new_tags_get_the_same_tags()
    {
        var names = new[] { "Course aux puces", "Semi-conducteurs", "Taïwan" };

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            EnsureAsync(i % 2 == 0 ? names : names.Reverse().Select(n => n.ToUpperInvariant()).ToArray()))));

        foreach (var slug in new[] { "course-aux-puces", "semi-conducteurs", "taiwan" })
        {
            Assert.Equal(1, await CountTagsAsync(slug));
            Assert.Single(results.SelectMany(r => r).Where(t => t.Slug == slug).Select(t => t.Id).Distinct());
        }
    }

    [Fact]
    public async Task A_caller_waits_for_another_transaction_creating_the_same_tag_and_then_reuses_it()
    {
        await using var first = api.Services.CreateAsyncScope();
        var unitOfWork = first.ServiceProvider.GetRequiredService<IUnitOfWork>();
        var transaction = await unitOfWork.BeginTransactionAsync(CancellationToken.None);
        var created = Assert.Single(await first.ServiceProvider.GetRequiredService<ITagRepository>().EnsureTagsAsync(["Vision Pro"], CancellationToken.None));

        var second = Task.Run(() => EnsureAsync("vision  pro"));
        Assert.True(await SomeoneWaitsOnALockAsync(), "The second caller never blocked on the first transaction's uncommitted tag.");
        Assert.False(second.IsCompleted, "The second caller must wait for the first transaction's uncommitted tag.");
        await transaction.CommitAsync(CancellationToken.None);
        await transaction.DisposeAsync();

        var reused = Assert.Single(await second);
        Assert.Equal(created.Id, reused.Id);
        Assert.Equal("Vision Pro", reused.Name);
    }

    [Fact]
    public async Task A_tag_created_in_a_transaction_that_rolls_back_is_created_again_by_the_next_caller()
    {
        await using (var first = api.Services.CreateAsyncScope())
        {
            var transaction = await first.ServiceProvider.GetRequiredService<IUnitOfWork>().BeginTransactionAsync(CancellationToken.None);
            await first.ServiceProvider.GetRequiredService<ITagRepository>().EnsureTagsAsync(["Annulé"], CancellationToken.None);
            await transaction.DisposeAsync();
        }

        Assert.Equal(0, await CountTagsAsync("annule"));
        Assert.Equal("annule", Assert.Single(await EnsureAsync("Annulé")).Slug);
    }

    /// <summary>Waits until a session of this database is blocked on a lock (PostgreSQL says so), rather than for a guessed time.</summary>
    private async Task<bool> SomeoneWaitsOnALockAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var waiting = await db.Database.SqlQuery<int>(
                $"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'").SingleAsync();
            if (waiting > 0)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        return false;
    }
}
