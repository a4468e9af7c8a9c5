using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Lantern.Security.Encryption;

/// <summary>Opens Data Protection keys sealed by <see cref="MasterKeyXmlEncryptor"/>; Data Protection creates it with the app's services.</summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var keyId = encryptedElement.Attribute("keyId")?.Value
            ?? throw new InvalidOperationException("A sealed Data Protection key has no master key id.");
        var cipher = services.GetRequiredService<IRecordCipher>();
        var xml = cipher.OpenText(new Sealed(keyId, Convert.FromBase64String(encryptedElement.Value)), MasterKeyXmlEncryptor.Context);
        return XElement.Parse(xml);
    }
}
