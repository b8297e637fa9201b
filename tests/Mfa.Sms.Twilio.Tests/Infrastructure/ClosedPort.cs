using System.Net;
using System.Net.Sockets;

namespace Mfa.Sms.Twilio.Tests.Infrastructure;

/// <summary>Loopback addresses nobody listens on: connecting is refused at once, before any byte is sent.</summary>
internal static class ClosedPort
{
    public static Uri Create()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
