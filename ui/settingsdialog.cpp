#include "settingsdialog.h"

#include "app/appsettings.h"
#include "app/graphendpoint.h"
#include "app/session.h"
#include "statuscolours.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

QLabel *makeNote(const QString &text)
{
    auto *note = new QLabel(text);
    note->setWordWrap(true);
    QFont small = note->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    note->setFont(small);
    return note;
}

} // namespace

SettingsDialog::SettingsDialog(Session *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_root(new QLineEdit)
    , m_version(new QComboBox)
    , m_interval(new QSpinBox)
    , m_token(new QLineEdit)
    , m_showToken(new QCheckBox(tr("Show")))
    , m_rememberToken(new QCheckBox(tr("Remember in the system keychain")))
    , m_rootError(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowTitle(tr("Settings"));
    setMinimumWidth(520);
    AppSettings *settings = session->settings();
    auto *layout = new QVBoxLayout(this);

    if (session->usesFixedGraph()) {
        layout->addWidget(makeNote(
            tr("<b>Demo mode</b> talks to the built-in Graph simulator. The Graph address and "
               "token below are saved for normal runs but not used now; the refresh interval "
               "applies at once.")));
    }

    auto *form = new QFormLayout;
    m_root->setObjectName(QStringLiteral("graphRoot"));
    m_root->setText(settings->graphRoot());
    m_root->setPlaceholderText(QLatin1String(GraphEndpoint::DefaultRoot));
    m_root->setToolTip(tr("Scheme, host and port only, e.g. https://graph.microsoft.com"));
    form->addRow(tr("Graph address:"), m_root);
    m_rootError->setObjectName(QStringLiteral("graphRootError"));
    m_rootError->setWordWrap(true);
    QPalette errorPalette = m_rootError->palette();
    errorPalette.setColor(QPalette::WindowText,
                          StatusColours::foreground(OperationStatus::Failed, palette()));
    m_rootError->setPalette(errorPalette);
    form->addRow(QString(), m_rootError);

    m_version->addItems({QStringLiteral("v1.0"), QStringLiteral("beta")});
    m_version->setCurrentText(settings->apiVersion());
    m_version->setToolTip(tr("The partner billing reports are in v1.0; beta has previews."));
    form->addRow(tr("API version:"), m_version);

    m_interval->setRange(AppSettings::MinRefreshIntervalSeconds,
                         AppSettings::MaxRefreshIntervalSeconds);
    m_interval->setSuffix(tr(" s"));
    m_interval->setValue(settings->refreshIntervalSeconds());
    m_interval->setToolTip(tr("The longest wait between two checks of a running export. Graph's "
                              "Retry-After can make it longer, never shorter."));
    form->addRow(tr("Refresh interval:"), m_interval);

    auto *tokenRow = new QHBoxLayout;
    m_token->setObjectName(QStringLiteral("accessToken"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("Bearer token with PartnerBilling.Read.All"));
    m_initialToken = session->editableToken();
    m_token->setText(m_initialToken);
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_showToken);
    form->addRow(tr("Access token:"), tokenRow);
    m_rememberToken->setChecked(settings->rememberToken());
    form->addRow(QString(), m_rememberToken);
    layout->addLayout(form);

    const bool fromEnvironment = session->tokenSource() == Session::TokenSource::Environment;
    QString tokenNote = session->tokenSourceText();
    if (fromEnvironment) {
        tokenNote += u' '
            + tr("Unset %1 to use a token typed here.")
                  .arg(QLatin1String(StaticTokenProvider::EnvironmentVariable));
    } else if (!session->usesFixedGraph()) {
        tokenNote += u' '
            + tr("Tokens are never written to the settings file. Without a keychain the token "
                 "is kept for this session only. %1 overrides this field.")
                  .arg(QLatin1String(StaticTokenProvider::EnvironmentVariable));
    }
    layout->addWidget(makeNote(tokenNote));
    const bool tokenEditable = !fromEnvironment && !session->usesFixedGraph();
    m_token->setEnabled(tokenEditable);
    m_showToken->setEnabled(tokenEditable);
    m_rememberToken->setEnabled(tokenEditable);

    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_showToken, &QCheckBox::toggled, this, [this](bool shown) {
        m_token->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(m_root, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_version, &QComboBox::currentTextChanged, this, &SettingsDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    validate();
}

QString SettingsDialog::validationMessage() const
{
    return m_rootError->text();
}

bool SettingsDialog::validate()
{
    QString error;
    const bool valid
        = GraphEndpoint::make(m_root->text().trimmed(), m_version->currentText(), &error)
              .has_value();
    m_rootError->setText(valid ? QString() : error);
    m_rootError->setVisible(!valid);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
    return valid;
}

void SettingsDialog::accept()
{
    if (!validate())
        return;
    AppSettings *settings = m_session->settings();
    QString error;
    settings->setEndpoint(m_root->text().trimmed(), m_version->currentText(), &error);
    m_session->setRefreshIntervalSeconds(m_interval->value());
    if (m_token->isEnabled()
        && (m_token->text() != m_initialToken
            || m_rememberToken->isChecked() != settings->rememberToken())) {
        m_session->setToken(m_token->text(), m_rememberToken->isChecked());
    }
    m_session->applySettings();
    settings->sync();
    QDialog::accept();
}
