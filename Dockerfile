# syntax=docker/dockerfile:1

# ---- build ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore from the project files alone so the package layer is reused until a dependency changes.
# .editorconfig sets analyzer severities, and warnings are errors: the image must build with the same rules.
# The solution is not restored: it lists the test projects, which are not part of the image.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Newsroom.Domain/Newsroom.Domain.csproj src/Newsroom.Domain/
COPY src/Newsroom.Application/Newsroom.Application.csproj src/Newsroom.Application/
COPY src/Newsroom.Infrastructure/Newsroom.Infrastructure.csproj src/Newsroom.Infrastructure/
COPY src/Newsroom.LocalPostgres/Newsroom.LocalPostgres.csproj src/Newsroom.LocalPostgres/
COPY src/Newsroom.Api/Newsroom.Api.csproj src/Newsroom.Api/
RUN dotnet restore src/Newsroom.Api/Newsroom.Api.csproj

COPY src/ src/
RUN dotnet publish src/Newsroom.Api -c Release -o /app --no-restore -p:UseAppHost=false

# ---- runtime ----
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

# The aspnet image has neither curl nor wget; curl is what the HEALTHCHECK below calls.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY --from=build /app .

ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080

# The image's unprivileged "app" user (UID 1654).
USER $APP_UID

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl -fsS -o /dev/null http://localhost:8080/health/live || exit 1

ENTRYPOINT ["dotnet", "Newsroom.Api.dll"]
