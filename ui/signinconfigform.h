#pragma once

#include <QGroupBox>

class AccountSettings;
class QLabel;
class QLineEdit;

// Which app registration to sign in with: the tenant, the client id and (rarely) the
// authority host, with the registration steps and a button that copies them. Settings and the
// sign-in dialog both show it over the one configuration the app and the command line share
// (AccountSettings), so a value entered in either is the value `billing-monitor-cli login`
// starts from.
class SignInConfigForm : public QGroupBox
{
    Q_OBJECT
public:
    explicit SignInConfigForm(AccountSettings *accounts, QWidget *parent = nullptr);

    QLineEdit *tenantEdit() const { return m_tenant; }
    QLineEdit *clientIdEdit() const { return m_clientId; }
    QLineEdit *authorityEdit() const { return m_authority; }

    // What is wrong with the values entered so far (blanks allowed); empty when nothing.
    QString problem() const;
    // Stores the three values for the app and the command line.
    void save() const;

    // The registration steps, as the README has them.
    static QString registrationSteps();

signals:
    void edited();

private:
    AccountSettings *m_accounts;
    QLineEdit *m_tenant;
    QLineEdit *m_clientId;
    QLineEdit *m_authority;
};
