namespace Duet.Core.Tokens;

public enum TokenFormat
{
    /// <summary>HS256 JWT: the default of opentok-node since 2.18.1.</summary>
    Jwt,

    /// <summary><c>T1==</c> + Base64 of <c>partner_id=…&amp;sig=…:data</c>: the .NET SDK's default and node's legacy form.</summary>
    T1,
}
