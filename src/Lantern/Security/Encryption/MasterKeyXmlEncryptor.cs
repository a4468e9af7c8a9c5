using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Lantern.Security.Encryption;

/// <summary>
/// Encrypts ASP.NET Core Data Protection keys with the master key before they are stored in the database,
/// so a copy of the database alone cannot forge cookies or tokens.
/// </summary>
public sealed class MasterKeyXmlEncryptor(IRecordCipher cipher) : IXmlEncryptor
{
    public const string Context = "dataprotection:key";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var sealedKey = cipher.SealText(plaintextElement.ToString(SaveOptions.DisableFormatting), Context);
        var element = new XElement(
            "lanternSealed",
            new XAttribute("keyId", sealedKey.KeyId),
            Convert.ToBase64String(sealedKey.Data));
        return new EncryptedXmlInfo(element, typeof(MasterKeyXmlDecryptor));
    }
}
