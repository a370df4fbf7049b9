#include "app/auth/environmentcredential.h"

#include <QDir>
#include <QtGlobal>

EnvironmentCredential EnvironmentCredential::fromProcess()
{
    EnvironmentCredential credential;
    credential.tenant = qEnvironmentVariable(TenantVariable).trimmed();
    credential.clientId = qEnvironmentVariable(ClientIdVariable).trimmed();
    credential.secret = qEnvironmentVariable(SecretVariable);
    credential.certificatePath = qEnvironmentVariable(CertificateVariable).trimmed();
    credential.authorityHost = qEnvironmentVariable(AuthorityVariable).trimmed();
    return credential;
}

std::optional<SignInAccount> EnvironmentCredential::account(const QString &authority,
                                                            QString *error) const
{
    QString why;
    const std::optional<SignInConfig> config = SignInConfig::make(
        authority.isEmpty() ? authorityHost : authority, tenant, clientId, &why);
    if (!config) {
        *error = QStringLiteral("the environment credential (%1, %2) is not usable: %3")
                     .arg(QLatin1String(TenantVariable), QLatin1String(ClientIdVariable), why);
        return std::nullopt;
    }
    SignInAccount account;
    account.config = *config;
    if (!secret.isEmpty()) {
        account.flow = SignInAccount::Flow::ClientSecret;
    } else {
        account.flow = SignInAccount::Flow::Certificate;
        account.certificatePath
            = QDir::cleanPath(QDir::current().absoluteFilePath(certificatePath));
    }
    return account;
}
