using System.Net.Http.Headers;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Newsroom.IntegrationTests.SharedState;

/// <summary>
/// Development without a configured signing key, on a configured database shared by two instances: the key is
/// generated once in the database, so a token one instance issues is accepted by the other.
/// </summary>
public sealed class DevelopmentSigningKeyTests(DevelopmentSigningKeyTests.Instances api) : IClassFixture<DevelopmentSigningKeyTests.Instances>
{
    public sealed class Instances : TwoInstances
    {
        protected override string EnvironmentName => "Development";

        protected override string? SigningKey => null;
    }

    [Fact]
    public async Task A_token_issued_by_one_instance_is_accepted_by_the_other()
    {
        var signedInThroughA = await api.A.CreateAdminClientAsync();
        var throughB = api.B.CreateClient();
        throughB.DefaultRequestHeaders.Authorization = signedInThroughA.DefaultRequestHeaders.Authorization;

        var response = await throughB.GetAsync("/api/v1/admin/articles?limit=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1L, await api.QueryAsync<long>("SELECT count(*) FROM generated_secrets WHERE name = 'jwt-signing-key'"));
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused_by_both()
    {
        var signedIn = await api.A.CreateAdminClientAsync();
        var genuine = new JsonWebTokenHandler().ReadJsonWebToken(signedIn.DefaultRequestHeaders.Authorization!.Parameter);
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = genuine.Issuer,
            Audience = genuine.Audiences.Single(),
            Claims = genuine.Claims.Where(c => c.Type is not ("iss" or "aud" or "exp" or "nbf" or "iat")).ToDictionary(c => c.Type, object (c) => c.Value),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(new byte[48]) { KeyId = "newsroom-1" }, SecurityAlgorithms.HmacSha256),
        });

        foreach (var instance in new[] { api.A, api.B })
        {
            var client = instance.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/admin/articles?limit=1")).StatusCode);
        }
    }
}
