using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Duet.Server.Lan;

/// <summary>The machine's addresses a phone on the same network can reach.</summary>
public static class LanAddress
{
    /// <summary>IPv4 addresses of interfaces that are up, private ranges first; empty on a loopback-only machine.</summary>
    public static IReadOnlyList<IPAddress> Find()
    {
        var addresses = new List<IPAddress>();
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            if (nic.OperationalStatus != OperationalStatus.Up || nic.NetworkInterfaceType == NetworkInterfaceType.Loopback)
            {
                continue;
            }

            foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
            {
                if (unicast.Address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(unicast.Address))
                {
                    addresses.Add(unicast.Address);
                }
            }
        }

        return addresses.OrderBy(a => IsPrivate(a) ? 0 : 1).ToList();
    }

    private static bool IsPrivate(IPAddress address)
    {
        var b = address.GetAddressBytes();
        return b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168);
    }
}
