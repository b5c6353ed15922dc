namespace Newsroom.Application.Common.Authorization;

/// <summary>
/// Only a signed-in caller holding one of these roles may send this request, whoever sends it: an endpoint, a job, an
/// import. The endpoints keep their own policies as a second line and for the HTTP contract's 401/403; object-level
/// rules (an author and their own articles) stay in the handlers (<c>ArticleAccess</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresRoleAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

/// <summary>
/// Only the newsroom itself may send this request (e.g. the scheduled publisher moving due articles live); no caller,
/// whatever their role, may.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SystemOnlyAttribute : Attribute;
