using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.RegularExpressions;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Newsroom.Application.Common.Authorization;

namespace Newsroom.IntegrationTests.Authorization;

/// <summary>
/// Every request a role-restricted endpoint sends declares the same roles as the endpoint's policy, so the rule
/// still holds when something other than that endpoint sends it. Found by calling each such endpoint as an admin
/// and recording what reaches the mediator: a new endpoint or request cannot slip past.
/// </summary>
public sealed partial class RoleRestrictedEndpointsTests(RoleRestrictedEndpointsTests.RecordingApi api) : IClassFixture<RoleRestrictedEndpointsTests.RecordingApi>
{
    public sealed class RecordingApi : NewsroomApiFactory
    {
        /// <summary>"METHOD /path" of the HTTP request → the request types it sent.</summary>
        public ConcurrentDictionary<string, ConcurrentBag<Type>> Sent { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Newsroom:RateLimits:WritesPerMinute"] = "10000" };

        protected override void ConfigureTestServices(IServiceCollection services)
        {
            services.RemoveAll<ISender>();
            services.AddScoped(sp =>
            {
                var sender = DispatchProxy.Create<ISender, RecordingSender>();
                var recording = (RecordingSender)(object)sender;
                recording.Inner = sp.GetRequiredService<IMediator>();
                recording.Request = sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.Request;
                recording.Sent = Sent;
                return sender;
            });
        }
    }

    public class RecordingSender : DispatchProxy
    {
        public ISender Inner { get; set; } = null!;

        public HttpRequest? Request { get; set; }

        public ConcurrentDictionary<string, ConcurrentBag<Type>> Sent { get; set; } = null!;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (Request is { } request && args is [{ } message, ..])
            {
                Sent.GetOrAdd($"{request.Method} {request.Path}", _ => []).Add(message.GetType());
            }

            try
            {
                return targetMethod!.Invoke(Inner, args);
            }
            catch (TargetInvocationException invocation) when (invocation.InnerException is { } inner)
            {
                ExceptionDispatchInfo.Throw(inner);
                throw;
            }
        }
    }

    [Fact]
    public async Task Every_request_a_role_restricted_endpoint_sends_requires_the_same_roles()
    {
        var admin = await api.CreateAdminClientAsync();
        var policies = api.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var mismatches = new List<string>();
        var checkedEndpoints = 0;
        foreach (var endpoint in endpoints)
        {
            var authorizeData = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            var policy = authorizeData.Count == 0 ? null : await AuthorizationPolicy.CombineAsync(policies, authorizeData);
            var roleSets = policy?.Requirements.OfType<RolesAuthorizationRequirement>().Select(r => r.AllowedRoles).ToList() ?? [];
            if (roleSets.Count == 0)
            {
                continue;
            }

            var allowed = roleSets.Aggregate((IEnumerable<string>)roleSets[0], (all, next) => all.Intersect(next)).Order().ToList();
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                var path = "/" + Parameter().Replace(endpoint.RoutePattern.RawText!.TrimStart('/'), m => m.Groups["constraint"].Value switch
                {
                    "guid" => Guid.NewGuid().ToString(),
                    "int" => "1",
                    _ => "x",
                });
                using var message = new HttpRequestMessage(new HttpMethod(method), path);
                message.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
                if (method is "POST" or "PUT")
                {
                    message.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                await admin.SendAsync(message);
                checkedEndpoints++;
                if (!api.Sent.TryGetValue($"{method} {path}", out var sent) || sent.IsEmpty)
                {
                    mismatches.Add($"{method} {endpoint.RoutePattern.RawText} sent nothing to the mediator");
                    continue;
                }

                foreach (var type in sent.Distinct())
                {
                    var declared = type.GetCustomAttribute<RequiresRoleAttribute>()?.Roles.Order().ToList();
                    if (declared is null || !declared.SequenceEqual(allowed))
                    {
                        mismatches.Add($"{method} {endpoint.RoutePattern.RawText} allows [{string.Join(", ", allowed)}] but sends {type.Name} requiring [{string.Join(", ", declared ?? [])}]");
                    }
                }
            }
        }

        Assert.Empty(mismatches);
        Assert.True(checkedEndpoints >= 30, $"only {checkedEndpoints} role-restricted endpoints were found");
    }

    [GeneratedRegex(@"\{(?<name>\w+)(:(?<constraint>\w+))?\}")]
    private static partial Regex Parameter();
}
