namespace Duet.Server.Signaling.Resumption;

/// <summary>The key that signs resume secrets: made once, kept with the server's data so secrets outlive a restart.</summary>
public interface IServerKeyStore
{
    byte[] GetOrCreate(string name, int length);
}
