#pragma once

#include "app/auth/signinaccount.h"

#include <QString>

#include <optional>

// Unattended sign-in from the environment, as Azure Identity's EnvironmentCredential reads it:
// AZURE_TENANT_ID and AZURE_CLIENT_ID with AZURE_CLIENT_SECRET or
// AZURE_CLIENT_CERTIFICATE_PATH, at AZURE_AUTHORITY_HOST. Secrets never come from arguments.
struct EnvironmentCredential
{
    static constexpr const char *TenantVariable = "AZURE_TENANT_ID";
    static constexpr const char *ClientIdVariable = "AZURE_CLIENT_ID";
    static constexpr const char *SecretVariable = "AZURE_CLIENT_SECRET";
    static constexpr const char *CertificateVariable = "AZURE_CLIENT_CERTIFICATE_PATH";
    static constexpr const char *AuthorityVariable = "AZURE_AUTHORITY_HOST";

    QString tenant;
    QString clientId;
    QString secret;
    QString certificatePath;
    QString authorityHost;

    static EnvironmentCredential fromProcess();

    // Tenant, client id and a secret or certificate are all there.
    bool isComplete() const
    {
        return !tenant.isEmpty() && !clientId.isEmpty()
            && (!secret.isEmpty() || !certificatePath.isEmpty());
    }
    // The app-only account it describes (a secret wins over a certificate, as in Azure
    // Identity); nullopt with *error when the values are unusable. authority overrides
    // AZURE_AUTHORITY_HOST when not empty.
    std::optional<SignInAccount> account(const QString &authority, QString *error) const;
};
