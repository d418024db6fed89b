namespace Duet.Core.Tokens;

/// <summary>What a connection may do, decided by its token.</summary>
public enum Role
{
    Publisher,
    Subscriber,
    Moderator,
    PublisherOnly,
}

public static class Roles
{
    /// <summary>The lower-case wire name both official SDKs write into tokens.</summary>
    public static string ToWire(this Role role) => role switch
    {
        Role.Publisher => "publisher",
        Role.Subscriber => "subscriber",
        Role.Moderator => "moderator",
        Role.PublisherOnly => "publisheronly",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static bool TryParse(string? text, out Role role)
    {
        switch (text)
        {
            case "publisher": role = Role.Publisher; return true;
            case "subscriber": role = Role.Subscriber; return true;
            case "moderator": role = Role.Moderator; return true;
            case "publisheronly": role = Role.PublisherOnly; return true;
            default: role = default; return false;
        }
    }

    public static bool CanPublish(this Role role) => role != Role.Subscriber;

    public static bool CanSubscribe(this Role role) => role != Role.PublisherOnly;

    public static bool CanSignal(this Role role) => role != Role.PublisherOnly;

    public static bool CanModerate(this Role role) => role == Role.Moderator;
}
