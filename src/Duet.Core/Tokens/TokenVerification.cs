using System.Diagnostics.CodeAnalysis;

namespace Duet.Core.Tokens;

/// <summary>The outcome of verifying a token: the claims, or the one reason it was refused.</summary>
public readonly record struct TokenVerification(TokenClaims? Claims, TokenRefusal Refusal)
{
    [MemberNotNullWhen(true, nameof(Claims))]
    public bool IsValid => Refusal == TokenRefusal.None && Claims is not null;

    public static TokenVerification Accept(TokenClaims claims) => new(claims, TokenRefusal.None);

    public static TokenVerification Refuse(TokenRefusal refusal) => new(null, refusal);
}
