namespace Duet.Core.Tokens;

/// <summary>What a verified token grants: who (project), where (session), what (role) and until when.</summary>
/// <param name="ConnectionData">Delivered verbatim to every peer as <c>connection.data</c>; empty when the token has none.</param>
public sealed record TokenClaims(
    int ApiKey,
    string SessionId,
    Role Role,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string ConnectionData,
    string InitialLayoutClassList,
    TokenFormat Format);
