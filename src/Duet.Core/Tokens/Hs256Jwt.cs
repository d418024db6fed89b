using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Duet.Core.Tokens;

/// <summary>The small part of JWT Duet needs: HS256 signing and constant-time verification, no other algorithms.</summary>
public static class Hs256Jwt
{
    /// <summary>A repeated claim (two session_ids, two exps) could be read differently by another parser: refuse it.</summary>
    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    private static readonly string Header = Base64Url.Encode("""{"alg":"HS256","typ":"JWT"}"""u8);

    public static string Sign(JsonObject payload, string secret)
    {
        var body = Header + "." + Base64Url.Encode(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return body + "." + Base64Url.Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(body)));
    }

    /// <summary>Splits and parses a JWT without trusting it; the signature is checked separately by <see cref="HasValidSignature"/>.</summary>
    public static bool TryParse(string token, out ParsedJwt jwt, out TokenRefusal refusal)
    {
        jwt = default;
        var parts = token.Split('.');
        // An empty signature is let through here so that "alg":"none" tokens are refused for their algorithm.
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            refusal = TokenRefusal.MalformedJwt;
            return false;
        }

        try
        {
            using var header = JsonDocument.Parse(Base64Url.Decode(parts[0]), StrictJson);
            if (header.RootElement.ValueKind != JsonValueKind.Object)
            {
                refusal = TokenRefusal.MalformedJwt;
                return false;
            }

            if (!header.RootElement.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != "HS256")
            {
                refusal = TokenRefusal.UnsupportedAlgorithm;
                return false;
            }

            if (JsonNode.Parse(Base64Url.Decode(parts[1]), documentOptions: StrictJson) is not JsonObject payload)
            {
                refusal = TokenRefusal.MalformedJwt;
                return false;
            }

            jwt = new ParsedJwt(parts[0] + "." + parts[1], payload, Base64Url.Decode(parts[2]));
            refusal = TokenRefusal.None;
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            refusal = TokenRefusal.MalformedJwt;
            return false;
        }
    }

    public static bool HasValidSignature(ParsedJwt jwt, string secret)
    {
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(jwt.SigningInput));
        return CryptographicOperations.FixedTimeEquals(expected, jwt.Signature);
    }

    /// <summary>Reads a claim written either as a JSON string or a JSON number (SDKs differ).</summary>
    public static string? ReadString(JsonObject payload, string name) => payload[name] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => null,
    };
}

public readonly record struct ParsedJwt(string SigningInput, JsonObject Payload, byte[] Signature);
