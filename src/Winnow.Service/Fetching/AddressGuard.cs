using System.Net;
using System.Net.Sockets;

namespace Winnow.Service.Fetching;

/// <summary>
/// Which addresses a fetch may connect to. A service that fetches any URL it is given must not
/// become a way into the network it runs in (SSRF): loopback, private (RFC 1918, unique local),
/// link-local (where cloud metadata services live: 169.254.169.254), carrier-grade NAT, multicast,
/// unspecified and reserved addresses are refused unless the operator allows private targets.
/// The check runs on the resolved address of every connection, so a public name resolving to a
/// private address, and every redirect hop, are caught.
/// </summary>
public static class AddressGuard
{
    /// <summary>Whether <paramref name="address"/> is on the public internet.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return !(b[0] == 0                                    // "this network", 0.0.0.0
                     || b[0] == 10                                // RFC 1918
                     || b[0] == 127                               // loopback
                     || (b[0] == 100 && (b[1] & 0xC0) == 64)      // 100.64/10 carrier-grade NAT
                     || (b[0] == 169 && b[1] == 254)              // link-local, cloud metadata
                     || (b[0] == 172 && (b[1] & 0xF0) == 16)      // RFC 1918
                     || (b[0] == 192 && b[1] == 0 && b[2] == 0)   // IETF protocol assignments
                     || (b[0] == 192 && b[1] == 168)              // RFC 1918
                     || (b[0] == 198 && (b[1] & 0xFE) == 18)      // benchmarking 198.18/15
                     || b[0] >= 224);                             // multicast, reserved, broadcast
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal
                || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
                return false;
            Span<byte> b = stackalloc byte[16];
            address.TryWriteBytes(b, out _);
            // 64:ff9b::/96 NAT64 and 2002::/16 6to4 embed IPv4 addresses: judge the embedded one
            if (b[0] == 0x20 && b[1] == 0x02) return IsPublic(new IPAddress(b.Slice(2, 4)));
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) return IsPublic(new IPAddress(b.Slice(12, 4)));
            return true;
        }
        return false;
    }
}

/// <summary>A fetch refused because its target is not a public address.</summary>
public sealed class ForbiddenTargetException(string message) : Exception(message);
