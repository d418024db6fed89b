using System.Text.Json;

namespace Duet.Signaling.Tests.Infrastructure;

internal static class Json
{
    public static string Str(this JsonElement e, string property) => e.GetProperty(property).GetString() ?? "";

    public static string[] Strs(this JsonElement e, string arrayProperty, string property) =>
        e.GetProperty(arrayProperty).EnumerateArray().Select(x => x.Str(property)).ToArray();
}
