using Duet.Core.Sessions;

namespace Duet.Core.Tests.Sessions;

public class SessionIdTests
{
    [Fact]
    public void CreatedIdDecodesToItsApiKeyLocationAndTime()
    {
        var created = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123);

        var id = SessionId.Create(46044372, "127.0.0.1", created);

        Assert.True(SessionId.TryDecode(id, out var parts));
        Assert.Equal(46044372, parts.ApiKey);
        Assert.Equal("127.0.0.1", parts.Location);
        Assert.Equal(created, parts.CreatedAt);
    }

    [Fact]
    public void CreatedIdsHaveOneUnderscoreAndNoSlashOrPadding()
    {
        for (var i = 0; i < 500; i++)
        {
            var id = SessionId.Create(12345678, "", DateTimeOffset.UtcNow);
            Assert.StartsWith("1_", id);
            Assert.DoesNotContain("_", id[2..]);
            Assert.DoesNotContain("/", id);
            Assert.DoesNotContain("=", id);
            Assert.True(id.Length <= SessionId.MaxLength);
        }
    }

    [Fact]
    public void DecodesAnOpenTokStyleIdWithDashForPlus()
    {
        // "1~46044372~~1518804981886~DkJc7AvKFYUJZQAkF6ArTUSs~~" as OpenTok encodes it.
        var payload = Convert.ToBase64String("1~46044372~~1518804981886~DkJc7AvKFYUJZQAkF6ArTUSs~~"u8.ToArray()).TrimEnd('=').Replace('+', '-');

        Assert.True(SessionId.TryDecode("1_" + payload, out var parts));
        Assert.Equal(46044372, parts.ApiKey);
        Assert.Equal("", parts.Location);
        Assert.Equal(1518804981886, parts.CreatedAt!.Value.ToUnixTimeMilliseconds());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1_")]
    [InlineData("nonsense")]
    [InlineData("1_!!!!")]
    [InlineData("1_abc_def")]
    [InlineData("x_MX4xMjM0fn4xfjF+")]
    public void RefusesWhatTheSdksCouldNotDecode(string? id) => Assert.False(SessionId.TryDecode(id, out _));

    [Fact]
    public void RefusesAnIdWhoseApiKeyIsNotAPositiveInt32()
    {
        var payload = Convert.ToBase64String("1~99999999999~~1~x~"u8.ToArray()).TrimEnd('=');
        Assert.False(SessionId.TryDecode("1_" + payload, out _));
    }
}
