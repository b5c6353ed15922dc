namespace Newsroom.Application.Common.Abstractions;

/// <summary>
/// A command that always changes what readers see (sections, tags, authors), some of it by SQL the change tracker
/// never sees (tag renames and merges): its commit drops the public caches whatever it saved. Other commands drop
/// them only when they saved a change readers could see (<see cref="IUnitOfWork.SavedPublicChanges"/>).
/// </summary>
public interface IChangesPublicContent;
