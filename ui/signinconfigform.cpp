#include "signinconfigform.h"

#include "app/auth/signinaccount.h"
#include "app/auth/signinconfig.h"

#include <QApplication>
#include <QClipboard>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

SignInConfigForm::SignInConfigForm(AccountSettings *accounts, QWidget *parent)
    : QGroupBox(tr("App registration"), parent)
    , m_accounts(accounts)
    , m_tenant(new QLineEdit)
    , m_clientId(new QLineEdit)
    , m_authority(new QLineEdit)
{
    setObjectName(QStringLiteral("signInConfig"));
    auto *form = new QFormLayout(this);
    m_tenant->setObjectName(QStringLiteral("tenant"));
    m_tenant->setPlaceholderText(tr("contoso.onmicrosoft.com or the tenant id"));
    m_tenant->setText(accounts->tenant());
    m_clientId->setObjectName(QStringLiteral("clientId"));
    m_clientId->setPlaceholderText(tr("Application (client) ID"));
    m_clientId->setText(accounts->clientId());
    m_authority->setObjectName(QStringLiteral("authority"));
    m_authority->setPlaceholderText(QLatin1String(SignInConfig::DefaultAuthority));
    m_authority->setText(accounts->authority());
    m_authority->setToolTip(tr("Microsoft Entra ID's address. Leave it empty: partner billing "
                               "is served by the global cloud only."));
    form->addRow(tr("&Tenant:"), m_tenant);
    form->addRow(tr("C&lient id:"), m_clientId);
    form->addRow(tr("&Authority:"), m_authority);
    for (QLineEdit *edit : {m_tenant, m_clientId, m_authority})
        connect(edit, &QLineEdit::textChanged, this, &SignInConfigForm::edited);

    auto *steps = new QLabel(registrationSteps());
    steps->setObjectName(QStringLiteral("registrationSteps"));
    steps->setWordWrap(true);
    steps->setTextFormat(Qt::PlainText);
    steps->setTextInteractionFlags(Qt::TextSelectableByMouse);
    steps->setVisible(false);
    auto *showSteps = new QToolButton;
    showSteps->setObjectName(QStringLiteral("showRegistrationSteps"));
    showSteps->setText(tr("How to register the app…"));
    showSteps->setCheckable(true);
    auto *copySteps = new QPushButton(tr("Copy steps"));
    copySteps->setObjectName(QStringLiteral("copyRegistrationSteps"));
    copySteps->setAutoDefault(false);
    copySteps->setToolTip(tr("Copy the registration steps, e.g. for your tenant's administrator"));
    connect(showSteps, &QToolButton::toggled, steps, &QWidget::setVisible);
    connect(copySteps, &QPushButton::clicked, this,
            [] { QApplication::clipboard()->setText(registrationSteps()); });
    auto *stepsRow = new QHBoxLayout;
    stepsRow->addWidget(showSteps);
    stepsRow->addStretch();
    stepsRow->addWidget(copySteps);
    form->addRow(stepsRow);
    form->addRow(steps);
}

QString SignInConfigForm::problem() const
{
    return SignInConfig::enteredProblem(m_authority->text(), m_tenant->text(), m_clientId->text());
}

void SignInConfigForm::save() const
{
    m_accounts->setConfiguration(m_tenant->text(), m_clientId->text(), m_authority->text());
}

QString SignInConfigForm::registrationSteps()
{
    return tr("1. Entra admin center → App registrations → New registration (accounts in this "
              "organizational directory only).\n"
              "2. Authentication → Add a platform → Mobile and desktop applications → redirect "
              "URI http://localhost\n"
              "3. Authentication → Allow public client flows → Yes.\n"
              "4. API permissions → Add → Microsoft Graph → Delegated → PartnerBilling.Read.All "
              "(and Application → PartnerBilling.Read.All for app-only use), then Grant admin "
              "consent.\n"
              "5. For app-only use: Certificates & secrets → a client secret or a certificate.\n"
              "6. Enter the Directory (tenant) ID and Application (client) ID here.");
}
