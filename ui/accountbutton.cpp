#include "accountbutton.h"

#include "messagebanner.h"
#include "signindialog.h"

#include "app/auth/signinaccount.h"
#include "app/auth/tokenmanager.h"
#include "app/session.h"
#include "models/timetext.h"

#include <QLabel>
#include <QLayout>
#include <QMenu>
#include <QPushButton>
#include <QStyle>

AccountButton::AccountButton(Session *session, QWidget *parent)
    : QToolButton(parent)
    , m_session(session)
    , m_banner(new MessageBanner(MessageBanner::Kind::Warning))
    , m_signInAgain(new QPushButton(tr("Sign in again…")))
    , m_renewal(new QLabel)
    , m_menu(new QMenu(this))
{
    setObjectName(QStringLiteral("accountButton"));
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_banner->setObjectName(QStringLiteral("signInBanner"));
    m_banner->setVisible(false);
    m_banner->layout()->addWidget(m_signInAgain);
    m_renewal->setObjectName(QStringLiteral("tokenRenewal"));
    connect(m_signInAgain, &QPushButton::clicked, this, &AccountButton::showSignInDialog);
    // Only emitted without the menu, i.e. while signed out.
    connect(this, &QToolButton::clicked, this, &AccountButton::showSignInDialog);
    m_accountSection = m_menu->addSection(QString());
    m_menu->addAction(tr("&Switch account…"), this, &AccountButton::showSignInDialog);
    m_menu->addAction(tr("Sign &out"), this, &AccountButton::signOut);

    TokenManager *signIn = session->signIn();
    connect(signIn, &TokenManager::stateChanged, this, &AccountButton::updateAccount);
    connect(signIn, &TokenManager::accountChanged, this, &AccountButton::updateAccount);
    connect(signIn, &TokenManager::tokenRenewed, this, &AccountButton::updateAccount);
    connect(signIn, &TokenManager::signInRequired, this, &AccountButton::onSignInRequired);
    connect(signIn, &TokenManager::keychainProblem, this, [this](const QString &message) {
        m_banner->setKind(MessageBanner::Kind::Warning);
        m_banner->setText(message);
        m_signInAgain->setVisible(false);
        m_banner->setClosable(true);
        m_banner->setVisible(true);
    });
    updateAccount();
}

AccountButton::~AccountButton()
{
    if (m_banner && !m_banner->parent())
        delete m_banner;
    if (m_renewal && !m_renewal->parent())
        delete m_renewal;
}

QString AccountButton::renewalText() const
{
    const QDateTime renews = m_session->signIn()->renewsAt();
    if (!renews.isValid())
        return {};
    // Written as every other time in the window (the table, "next check"), not in the
    // locale's 12-hour style beside them.
    return tr("Sign-in renews at %1").arg(TimeText::localShort(renews));
}

QSize AccountButton::sizeHint() const
{
    QSize size = QToolButton::sizeHint();
    if (menu())
        size.rwidth() += style()->pixelMetric(QStyle::PM_MenuButtonIndicator, nullptr, this);
    return size;
}

void AccountButton::updateAccount()
{
    const TokenManager *signIn = m_session->signIn();
    const SignInAccount account = signIn->account();
    if (signIn->state() == TokenManager::State::SignedOut) {
        setText(tr("Sign in…"));
        setToolTip(tr("Sign in to Microsoft with your partner tenant's app registration"));
        // A plain button: a click opens the dialog.
        setMenu(nullptr);
        setPopupMode(QToolButton::DelayedPopup);
    } else {
        const QString who
            = account.isAppOnly() ? tr("App %1").arg(account.config.clientId) : account.userName;
        setText(who.isEmpty() ? account.config.tenant : who);
        setToolTip(tr("Signed in to %1").arg(account.config.tenant));
        m_accountSection->setText(account.displayName());
        setMenu(m_menu);
        setPopupMode(QToolButton::InstantPopup);
    }
    if (signIn->state() == TokenManager::State::SignedIn && !m_signInAgain->isHidden())
        m_banner->setVisible(false);
    m_renewal->setText(renewalText());
    m_renewal->setVisible(!m_renewal->text().isEmpty());
    updateGeometry(); // with or without the menu's arrow
}

void AccountButton::onSignInRequired(const SignInError &why)
{
    m_banner->setKind(MessageBanner::Kind::Warning);
    m_banner->setText(tr("<b>Sign in again.</b> %1 Checks wait until you do; nothing is lost.")
                          .arg(why.explanation().toHtmlEscaped()));
    m_banner->setClosable(false);
    m_signInAgain->setVisible(true);
    m_banner->setVisible(true);
}

void AccountButton::showSignInDialog()
{
    if (!m_dialog) {
        m_dialog = new SignInDialog(m_session, window());
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &QObject::destroyed, this, [this] { m_dialog = nullptr; });
        connect(m_dialog, &QDialog::accepted, this, [this] {
            m_banner->setVisible(false);
            updateAccount();
        });
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void AccountButton::signOut()
{
    m_session->signIn()->signOut();
    m_banner->setVisible(false);
}
