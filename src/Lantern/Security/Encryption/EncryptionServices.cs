using Lantern.Commands;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Lantern.Security.Encryption;

public static class EncryptionServices
{
    /// <summary>Envelope encryption at rest with master keys from a file or the environment; Data Protection's keys sealed with them.</summary>
    public static WebApplicationBuilder AddEncryption(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EncryptionOptions>().BindConfiguration(EncryptionOptions.Section);
        services.AddSingleton<MasterKeyRing>();
        services.AddSingleton<IRecordCipher, EnvelopeCipher>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
            o => o.XmlEncryptor = new MasterKeyXmlEncryptor(sp.GetRequiredService<IRecordCipher>())));
        services.AddSingleton<ILanternCommand, RotateKeysCommand>();
        return builder;
    }
}
