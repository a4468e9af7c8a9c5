using QRCoder;

namespace Lantern.Printing;

/// <summary>A QR code as a vector drawing (one box per run of dark modules), sharp at any size and tiny in the file.</summary>
public static class QrCodeDrawing
{
    public static PrintDrawing For(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(address.AbsoluteUri, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var shapes = new List<PrintShape>();
        for (var y = 0; y < matrix.Count; y++)
        {
            var row = matrix[y];
            var x = 0;
            while (x < row.Length)
            {
                if (!row[x])
                {
                    x++;
                    continue;
                }

                var start = x;
                while (x < row.Length && row[x])
                {
                    x++;
                }

                // A hair of overlap downwards closes the seams some viewers leave between rows.
                shapes.Add(new PrintBox(start, y, x - start, 1.04, "#000000"));
            }
        }

        // The matrix includes the quiet zone (four light modules on every side) that scanners need.
        return new PrintDrawing(matrix.Count, matrix.Count, shapes);
    }
}
