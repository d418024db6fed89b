using Duet.Core.Sessions;

namespace Duet.Core.Tests.Sessions;

public class SessionFactoryTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_760_000_000_000);

    [Fact]
    public void DefaultsAreRelayedManualWithoutLocation()
    {
        var session = SessionFactory.Create(47000001, new SessionCreateOptions(), Now);

        Assert.Equal(new Session(session.Id, 47000001, MediaMode.Relayed, ArchiveMode.Manual, "", false, Now, null), session);
        Assert.True(SessionId.TryDecode(session.Id, out var parts));
        Assert.Equal(47000001, parts.ApiKey);
        Assert.Equal(Now, parts.CreatedAt);
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("::1")]
    [InlineData("2001:db8::7")]
    [InlineData("::ffff:192.0.2.1")]
    public void IpLocationsAreAcceptedAndEncodedInTheId(string location)
    {
        var session = SessionFactory.Create(47000001, new SessionCreateOptions { Location = location }, Now);

        Assert.True(SessionId.TryDecode(session.Id, out var parts));
        Assert.Equal(location, parts.Location);
    }

    [Theory]
    [InlineData(MediaMode.Relayed, ArchiveMode.Always, "", false, null)]
    [InlineData(MediaMode.Routed, ArchiveMode.Always, "", true, null)]
    [InlineData(MediaMode.Relayed, ArchiveMode.Manual, "localhost", false, null)]
    [InlineData(MediaMode.Relayed, ArchiveMode.Manual, "1", false, null)]
    [InlineData(MediaMode.Relayed, ArchiveMode.Manual, "10.0.0.1~", false, null)]
    [InlineData(MediaMode.Relayed, ArchiveMode.Manual, "", false, 0)]
    public void RuleBreakingOptionsAreRefusedWithAReason(MediaMode media, ArchiveMode archive, string location, bool e2ee, int? max)
    {
        var options = new SessionCreateOptions { MediaMode = media, ArchiveMode = archive, Location = location, E2ee = e2ee, MaxConnections = max };

        Assert.NotNull(SessionFactory.Validate(options));
        Assert.Throws<ArgumentException>(() => SessionFactory.Create(47000001, options, Now));
    }

    [Theory]
    [InlineData("fe80::1%eth0")]
    [InlineData("fe80::1%3")]
    [InlineData("[::1]:80")]
    public void AnIpv6LocationWithAZoneIdOrPortIsRefused(string location) =>
        Assert.NotNull(SessionFactory.Validate(new SessionCreateOptions { Location = location }));

    [Fact]
    public void ALocationCannotMakeASessionIdLongerThanSessionIdsMayBe()
    {
        // IPAddress.TryParse takes a zone id of any length: a 300-character one made a session whose ID (over 255
        // characters) no token, Connect or SDK would accept.
        var options = new SessionCreateOptions { Location = "fe80::1%" + new string('a', 300) };

        Assert.NotNull(SessionFactory.Validate(options));
    }

    [Fact]
    public void RoutedSessionsMayAlwaysArchive() =>
        Assert.Null(SessionFactory.Validate(new SessionCreateOptions { MediaMode = MediaMode.Routed, ArchiveMode = ArchiveMode.Always }));
}
