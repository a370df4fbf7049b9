#include "app/auth/signinaccount.h"

namespace {

struct FlowName
{
    SignInAccount::Flow flow;
    const char *key;
};

constexpr FlowName FlowNames[] = {
    {SignInAccount::Flow::Browser, "browser"},
    {SignInAccount::Flow::DeviceCode, "device-code"},
    {SignInAccount::Flow::ClientSecret, "client-secret"},
    {SignInAccount::Flow::Certificate, "certificate"},
};

} // namespace

QString SignInAccount::secretKey() const
{
    const char *kind = isAppOnly() ? "client-secret" : "refresh-token";
    return QStringLiteral("%1/%2/%3").arg(config.tenant, config.clientId, QLatin1String(kind));
}

QString SignInAccount::flowKey(Flow flow)
{
    for (const FlowName &name : FlowNames) {
        if (name.flow == flow)
            return QLatin1String(name.key);
    }
    return {};
}

SignInAccount::Flow SignInAccount::flowFromKey(const QString &key)
{
    for (const FlowName &name : FlowNames) {
        if (key == QLatin1String(name.key))
            return name.flow;
    }
    return Flow::None;
}

QString SignInAccount::displayName() const
{
    const QString who
        = userName.isEmpty() ? QStringLiteral("app %1").arg(config.clientId) : userName;
    return QStringLiteral("%1 (%2)").arg(who, config.tenant);
}

AccountSettings::AccountSettings()
    : m_settings(std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
                                             QStringLiteral("BillingMonitor"),
                                             QStringLiteral("account")))
{ }

AccountSettings::AccountSettings(const QString &iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{ }

SignInAccount AccountSettings::account() const
{
    SignInAccount account;
    m_settings->beginGroup(QStringLiteral("account"));
    account.flow = SignInAccount::flowFromKey(m_settings->value(QStringLiteral("flow")).toString());
    const std::optional<SignInConfig> config
        = SignInConfig::make(m_settings->value(QStringLiteral("authority")).toString(),
                             m_settings->value(QStringLiteral("tenant")).toString(),
                             m_settings->value(QStringLiteral("clientId")).toString(), nullptr);
    account.userName = m_settings->value(QStringLiteral("userName")).toString();
    account.certificatePath = m_settings->value(QStringLiteral("certificatePath")).toString();
    account.tokenExpiresAt
        = m_settings->value(QStringLiteral("tokenExpiresAt")).toDateTime().toUTC();
    account.secretInKeychain = m_settings->value(QStringLiteral("secretInKeychain")).toBool();
    m_settings->endGroup();
    // A hand-edited file with an unusable configuration is no account at all.
    if (!config)
        return {};
    account.config = *config;
    return account;
}

void AccountSettings::setAccount(const SignInAccount &account)
{
    m_settings->beginGroup(QStringLiteral("account"));
    m_settings->setValue(QStringLiteral("flow"), SignInAccount::flowKey(account.flow));
    m_settings->setValue(QStringLiteral("authority"), account.config.authority.toString());
    m_settings->setValue(QStringLiteral("tenant"), account.config.tenant);
    m_settings->setValue(QStringLiteral("clientId"), account.config.clientId);
    m_settings->setValue(QStringLiteral("userName"), account.userName);
    m_settings->setValue(QStringLiteral("certificatePath"), account.certificatePath);
    m_settings->setValue(QStringLiteral("tokenExpiresAt"), account.tokenExpiresAt);
    m_settings->setValue(QStringLiteral("secretInKeychain"), account.secretInKeychain);
    m_settings->endGroup();
    m_settings->sync();
}

void AccountSettings::clearAccount()
{
    m_settings->remove(QStringLiteral("account"));
    m_settings->sync();
}

QString AccountSettings::tenant() const
{
    return m_settings->value(QStringLiteral("signIn/tenant")).toString();
}

QString AccountSettings::clientId() const
{
    return m_settings->value(QStringLiteral("signIn/clientId")).toString();
}

QString AccountSettings::authority() const
{
    return m_settings->value(QStringLiteral("signIn/authority")).toString();
}

void AccountSettings::setConfiguration(const QString &tenant, const QString &clientId,
                                       const QString &authority)
{
    m_settings->setValue(QStringLiteral("signIn/tenant"), tenant.trimmed());
    m_settings->setValue(QStringLiteral("signIn/clientId"), clientId.trimmed());
    m_settings->setValue(QStringLiteral("signIn/authority"), authority.trimmed());
    m_settings->sync();
}
