using System.Text;
using Lantern.Concerns;

namespace Lantern.Tests.Concerns;

public sealed class AttachmentTypesTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj");

    [Theory]
    [InlineData("bruise.png", "image/png")]
    [InlineData("BRUISE.PNG", "image/png")]
    public void A_png_named_png_is_accepted(string name, string type)
    {
        Assert.Equal((type, (string?)null), AttachmentTypes.Check(name, Png));
    }

    [Fact]
    public void A_jpeg_and_a_pdf_are_accepted_by_their_content()
    {
        Assert.Equal("image/jpeg", AttachmentTypes.Check("photo.jpeg", Jpeg).ContentType);
        Assert.Equal("application/pdf", AttachmentTypes.Check("letter.pdf", Pdf).ContentType);
    }

    [Fact]
    public void A_file_whose_name_lies_about_its_content_is_refused()
    {
        var (type, problem) = AttachmentTypes.Check("letter.pdf", Png);
        Assert.Null(type);
        Assert.Contains("does not match", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_named_as_an_image_is_refused()
    {
        var (type, problem) = AttachmentTypes.Check("photo.png", Encoding.UTF8.GetBytes("<script>alert(1)</script>"));
        Assert.Null(type);
        Assert.Equal("The selected file must be a JPG, PNG, GIF, WebP or PDF", problem);
    }

    [Fact]
    public void Evidence_of_training_takes_only_pdf_jpg_and_png_by_their_content()
    {
        Assert.Equal("application/pdf", AttachmentTypes.Check("certificate.pdf", Pdf, AttachmentTypes.Documents).ContentType);
        Assert.Equal("image/png", AttachmentTypes.Check("certificate.png", Png, AttachmentTypes.Documents).ContentType);
        Assert.Equal("The selected file must be a PDF, JPG or PNG", AttachmentTypes.Check("animation.gif", "GIF89a...."u8.ToArray(), AttachmentTypes.Documents).Problem);
        Assert.Contains("does not match", AttachmentTypes.Check("certificate.pdf", Jpeg, AttachmentTypes.Documents).Problem, StringComparison.Ordinal);
        Assert.Equal(".jpg,.jpeg,.png,.pdf", AttachmentTypes.ExtensionsOf(AttachmentTypes.Documents));
    }

    [Fact]
    public void An_empty_file_and_one_over_10_MB_are_refused()
    {
        Assert.Equal("The selected file is empty", AttachmentTypes.Check("a.png", Array.Empty<byte>()).Problem);
        var big = new byte[AttachmentTypes.MaxBytes + 1];
        Png.CopyTo(big, 0);
        Assert.Equal("The selected file must be smaller than 10 MB", AttachmentTypes.Check("a.png", big).Problem);
    }
}
