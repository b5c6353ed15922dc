namespace Newsroom.Application.Common.Abstractions;

/// <summary>Told after a committed change to anything readers can see, so cached public answers are dropped.</summary>
public interface IContentChangeNotifier
{
    Task ContentChangedAsync(PublicChange change, CancellationToken cancellationToken);
}
