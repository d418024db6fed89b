namespace Duet.Server.Signaling.State;

/// <summary>Why an add to the state did or did not happen.</summary>
public enum AddOutcome
{
    Added,
    LimitReached,
    OwnerMissing,
}
