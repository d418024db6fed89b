using Duet.Server.Signaling;
using Duet.Server.Signaling.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Duet.Signaling.Tests;

/// <summary>Swapping the session state (e.g. for a shared store) is one registration, made before or after AddDuetSignaling.</summary>
public sealed class SessionStateRegistrationTests
{
    [Fact]
    public void AStateRegisteredBeforeAddDuetSignalingIsKept()
    {
        var replacement = new InMemorySessionState();
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddSingleton<ISessionState>(replacement);
        builder.AddDuetSignaling();

        using var services = builder.Services.BuildServiceProvider();
        Assert.Same(replacement, services.GetRequiredService<ISessionState>());
        Assert.Single(builder.Services, d => d.ServiceType == typeof(ISessionState));
    }

    [Fact]
    public void AStateRegisteredAfterAddDuetSignalingWins()
    {
        var replacement = new InMemorySessionState();
        var builder = WebApplication.CreateBuilder();
        builder.AddDuetSignaling();
        builder.Services.AddSingleton<ISessionState>(replacement);

        using var services = builder.Services.BuildServiceProvider();
        Assert.Same(replacement, services.GetRequiredService<ISessionState>());
    }

    [Fact]
    public void TheDefaultIsTheInMemoryState()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddDuetSignaling();

        using var services = builder.Services.BuildServiceProvider();
        Assert.IsType<InMemorySessionState>(services.GetRequiredService<ISessionState>());
    }
}
