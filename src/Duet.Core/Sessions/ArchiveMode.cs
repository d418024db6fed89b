namespace Duet.Core.Sessions;

public enum ArchiveMode
{
    Manual,
    Always,
}
