using System.Text;
using QRCoder;

namespace Duet.Server.Lan;

/// <summary>The LAN URL as a QR code: text for the terminal, SVG for the landing page.</summary>
public static class LanQrCode
{
    /// <summary>Two modules per character with half blocks, dark on light, with a quiet zone, so phones can scan a terminal.</summary>
    public static string ForTerminal(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var size = modules.Count;
        bool Dark(int x, int y) => y < size && modules[y][x];
        var text = new StringBuilder();
        for (var y = 0; y < size; y += 2)
        {
            for (var x = 0; x < size; x++)
            {
                var (top, bottom) = (Dark(x, y), Dark(x, y + 1));
                // Light modules print as blocks so the code reads dark-on-light in a dark terminal.
                text.Append((top, bottom) switch
                {
                    (false, false) => '█',
                    (true, false) => '▄',
                    (false, true) => '▀',
                    _ => ' ',
                });
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(4);
    }
}
