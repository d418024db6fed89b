using System.Text.Json;
using Duet.Core.Sessions;

namespace Duet.Storage.Redis;

/// <summary>A session as the JSON string kept in Redis.</summary>
internal static class SessionJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(Session session) => JsonSerializer.Serialize(session, Options);

    public static Session Read(string json) =>
        JsonSerializer.Deserialize<Session>(json, Options) ?? throw new InvalidDataException("A stored session is empty.");
}
