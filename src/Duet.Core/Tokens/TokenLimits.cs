namespace Duet.Core.Tokens;

/// <summary>The limits OpenTok documents for tokens; both generation and verification apply them.</summary>
public static class TokenLimits
{
    public const int MaxConnectionDataLength = 1000;
    public const int MaxLayoutClassListLength = 1024;
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(1);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);

    /// <summary>Clocks of the token's issuer and of this server may disagree this much.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
}
