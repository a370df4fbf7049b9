#include "settingsdialog.h"

#include "app/appsettings.h"
#include "app/graph/graphendpoint.h"
#include "app/session.h"
#include "dialogfit.h"
#include "signinconfigform.h"
#include "statuscolours.h"
#include "theme.h"
#include "translations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

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

using Limits = PollPolicy::Limits;

QSpinBox *makeSpinBox(const QString &objectName, const SettingRange &range, const QString &suffix,
                      const QString &toolTip)
{
    auto *box = new QSpinBox;
    box->setObjectName(objectName);
    box->setRange(range.minimum, range.maximum);
    box->setSuffix(suffix);
    box->setToolTip(toolTip);
    box->setAccelerated(true);
    return box;
}

} // namespace

SettingsDialog::SettingsDialog(Session *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_root(new QLineEdit)
    , m_version(new QComboBox)
    , m_interval(makeSpinBox(
          QStringLiteral("refreshInterval"), Limits::RefreshIntervalSeconds, tr(" s"),
          tr("The longest wait between two checks of a running export when Graph names no "
             "time. New exports are checked more often; a Retry-After from Graph is followed "
             "to the second.")))
    , m_inFlight(makeSpinBox(
          QStringLiteral("requestsInFlight"), Limits::RequestsInFlight, QString(),
          tr("How many checks may wait for Graph's answer at once. At most %1, because Qt opens "
             "at most %1 connections per host over HTTP/1.1: more would only queue inside the "
             "app.")
              .arg(PollPolicy::ConnectionsPerHost)))
    , m_perSecond(makeSpinBox(
          QStringLiteral("requestsPerSecond"), Limits::RequestsPerSecond, QString(),
          tr("A ceiling for all checks together. They are spaced evenly, so a long list drains "
             "at this pace without bursts; Graph throttles clients that ask too fast.")))
    , m_expiry(makeSpinBox(
          QStringLiteral("expiryHours"), Limits::ExpiryHours, tr(" h"),
          tr("An operation older than this is no longer checked and shows as Expired, with the "
             "hint to start a new export. Checking it by hand (Shift+F5) is still possible.")))
    , m_timeout(makeSpinBox(
          QStringLiteral("transferTimeout"), Limits::TransferTimeoutSeconds, tr(" s"),
          tr("A request is given up when no byte has moved for this long; the check is then "
             "retried with backoff.")))
    , m_maxInflated(makeSpinBox(
          QStringLiteral("maxInflated"), ScanLimits::InflatedGiB, tr(" GiB"),
          tr("A downloaded or opened file that unpacks to more than this is refused as a "
             "decompression bomb instead of filling the disk or memory.")))
    , m_maxRatio(makeSpinBox(
          QStringLiteral("maxRatio"), ScanLimits::Ratio, tr(" ×"),
          tr("A file that unpacks to more than this many times its packed size (past the "
             "first %1 MiB) is refused as a decompression bomb. Billing data packs about 5 to "
             "20 times.")
              .arg(ScanLimits::DefaultRatioFloorBytes >> 20)))
    , m_registration(new SignInConfigForm(session->accountSettings()))
    , m_registrationError(new QLabel)
    , m_language(new QComboBox)
    , m_theme(new QComboBox)
    , m_closeToTray(new QCheckBox(tr("&Keep running in the tray when the window is closed")))
    , m_rootError(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowTitle(tr("Settings"));
    setMinimumWidth(520);
    AppSettings *settings = session->settings();
    auto *layout = new QVBoxLayout(this);
    // One page per concern keeps the dialog within a 768-pixel screen, registration steps
    // open and all; stacked, the groups took about 950 pixels.
    auto *pages = new QTabWidget;
    pages->setObjectName(QStringLiteral("settingsPages"));
    auto *connectionPage = new QWidget;
    auto *connectionLayout = new QVBoxLayout(connectionPage);
    auto *pollingPage = new QWidget;
    auto *pollingLayout = new QVBoxLayout(pollingPage);
    auto *appearancePage = new QWidget;
    auto *appearanceLayout = new QVBoxLayout(appearancePage);

    if (session->usesFixedGraph()) {
        layout->addWidget(makeNote(
            tr("<b>Demo mode</b> talks to the built-in Graph simulator and signs in at its own "
               "Entra ID, whose app registration is shown below. The Graph address is saved for "
               "normal runs but not used now; the polling settings apply at once.")));
    }

    auto *graphGroup = new QGroupBox(tr("Microsoft Graph"));
    auto *graphLayout = new QVBoxLayout(graphGroup);
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

    graphLayout->addLayout(form);
    connectionLayout->addWidget(graphGroup);

    // The sign-in's configuration, shared with the sign-in dialog and billing-monitor-cli.
    m_registration->setTitle(tr("Sign-in: app registration"));
    auto *registrationLayout = qobject_cast<QFormLayout *>(m_registration->layout());
    m_registrationError->setObjectName(QStringLiteral("signInConfigError"));
    m_registrationError->setWordWrap(true);
    m_registrationError->setTextFormat(Qt::PlainText);
    m_registrationError->setPalette(errorPalette);
    registrationLayout->insertRow(3, QString(), m_registrationError);
    registrationLayout->addRow(makeNote(session->tokenSourceText()));
    connectionLayout->addWidget(m_registration);
    connectionLayout->addStretch();

    auto *pollingGroup = new QGroupBox(tr("Polling"));
    auto *pollingForm = new QFormLayout(pollingGroup);
    pollingForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint); // numbers stay compact
    m_interval->setValue(settings->refreshIntervalSeconds());
    pollingForm->addRow(tr("Refresh interval:"), m_interval);
    m_inFlight->setValue(settings->maxRequestsInFlight());
    pollingForm->addRow(tr("Requests in flight:"), m_inFlight);
    m_perSecond->setValue(settings->maxRequestsPerSecond());
    pollingForm->addRow(tr("Requests per second:"), m_perSecond);
    m_expiry->setValue(settings->expiryHours());
    pollingForm->addRow(tr("Expire operations after:"), m_expiry);
    m_timeout->setValue(settings->transferTimeoutSeconds());
    pollingForm->addRow(tr("Transfer timeout:"), m_timeout);
    int numberWidth = 0;
    for (const QSpinBox *box : {m_interval, m_inFlight, m_perSecond, m_expiry, m_timeout})
        numberWidth = std::max(numberWidth, box->sizeHint().width());
    for (QSpinBox *box : {m_interval, m_inFlight, m_perSecond, m_expiry, m_timeout})
        box->setMinimumWidth(numberWidth); // one column of numbers, not a ragged edge
    auto *restoreDefaults = new QPushButton(tr("Restore defaults"));
    restoreDefaults->setObjectName(QStringLiteral("restorePollingDefaults"));
    restoreDefaults->setAutoDefault(false);
    auto *restoreRow = new QHBoxLayout;
    restoreRow->addStretch();
    restoreRow->addWidget(restoreDefaults);
    pollingForm->addRow(restoreRow);
    pollingLayout->addWidget(pollingGroup);

    auto *dataGroup = new QGroupBox(tr("Downloads and data"));
    auto *dataForm = new QFormLayout(dataGroup);
    dataForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    m_maxInflated->setValue(settings->maxInflatedGiB());
    dataForm->addRow(tr("Largest file unpacked:"), m_maxInflated);
    m_maxRatio->setValue(settings->maxInflationRatio());
    dataForm->addRow(tr("Largest unpacking ratio:"), m_maxRatio);
    pollingLayout->addWidget(dataGroup);
    pollingLayout->addStretch();

    auto *appearanceForm = new QFormLayout; // the page is the group: no box titled again
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System language"), QString());
    for (const Translations::Language &language : Translations::languages())
        m_language->addItem(language.nativeName, language.code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings->language())));
    appearanceForm->addRow(tr("&Language:"), m_language);
    appearanceForm->addRow(QString(),
                           makeNote(tr("A new language applies the next time Billing Monitor "
                                       "starts. Dates and numbers follow it.")));
    m_theme->setObjectName(QStringLiteral("theme"));
    for (Theme::Choice choice : Theme::Choices)
        m_theme->addItem(QString(Theme::displayName(choice)).remove(u'&'), int(choice));
    m_theme->setCurrentIndex(m_theme->findData(int(Theme::fromSetting(settings->theme()))));
    appearanceForm->addRow(tr("&Theme:"), m_theme);
    m_closeToTray->setObjectName(QStringLiteral("closeToTray"));
    m_closeToTray->setChecked(settings->closeToTray());
    appearanceForm->addRow(QString(), m_closeToTray);
    const bool trayAvailable = QSystemTrayIcon::isSystemTrayAvailable();
    m_closeToTray->setEnabled(trayAvailable);
    appearanceForm->addRow(
        QString(),
        makeNote(trayAvailable
                     ? tr("Closing the window then leaves the app watching your exports from "
                          "the tray icon; Quit in the File menu or the tray menu ends it.")
                     : tr("This desktop has no system tray, so closing the window quits.")));
    appearanceLayout->addLayout(appearanceForm);
    appearanceLayout->addStretch();

    pages->addTab(connectionPage, tr("&Connection"));
    pages->addTab(pollingPage, tr("&Polling and data"));
    pages->addTab(appearancePage, tr("Appea&rance"));
    layout->addWidget(pages);
    layout->addWidget(m_buttons);

    connect(m_registration, &SignInConfigForm::edited, this, &SettingsDialog::validate);
    connect(restoreDefaults, &QPushButton::clicked, this, &SettingsDialog::restorePollingDefaults);
    connect(m_root, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_root, &QLineEdit::editingFinished, this, &SettingsDialog::fixUpRoot);
    connect(m_version, &QComboBox::currentTextChanged, this, &SettingsDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    validate();
}

void SettingsDialog::restorePollingDefaults()
{
    m_interval->setValue(Limits::RefreshIntervalSeconds.defaultValue);
    m_inFlight->setValue(Limits::RequestsInFlight.defaultValue);
    m_perSecond->setValue(Limits::RequestsPerSecond.defaultValue);
    m_expiry->setValue(Limits::ExpiryHours.defaultValue);
    m_timeout->setValue(Limits::TransferTimeoutSeconds.defaultValue);
}

QString SettingsDialog::validationMessage() const
{
    return m_rootError->text();
}

void SettingsDialog::fixUpRoot()
{
    QString version = m_version->currentText();
    const QString fixed = GraphEndpoint::fixUpRoot(m_root->text(), &version);
    if (version != m_version->currentText())
        m_version->setCurrentText(version);
    if (fixed != m_root->text())
        m_root->setText(fixed);
}

bool SettingsDialog::validate()
{
    QString error;
    QString version = m_version->currentText();
    // Judged as it will be saved: "graph.microsoft.com/v1.0/" is fixed up, not refused.
    const QString root = GraphEndpoint::fixUpRoot(m_root->text(), &version);
    const std::optional<GraphEndpoint> endpoint = GraphEndpoint::make(root, version, &error);
    const bool valid = endpoint.has_value();
    QString message = error;
    if (valid) {
        const QString host = endpoint->root().host();
        message = GraphEndpoint::isMicrosoftGraphHost(host) || GraphEndpoint::isLoopbackHost(host)
            ? QString()
            : tr("%1 is not a Microsoft Graph address. The access token will be sent there: "
                 "continue only if you trust it.")
                  .arg(host);
    }
    QPalette palette = m_rootError->palette();
    palette.setColor(QPalette::WindowText,
                     valid ? StatusColours::problemColour(this->palette())
                           : StatusColours::foreground(OperationStatus::Failed, this->palette()));
    m_rootError->setPalette(palette);
    m_rootError->setText(message);
    m_rootError->setVisible(!message.isEmpty());
    const QString registrationProblem = m_registration->problem();
    m_registrationError->setText(registrationProblem);
    m_registrationError->setVisible(!registrationProblem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid && registrationProblem.isEmpty());
    growToFit(this);
    return valid && registrationProblem.isEmpty();
}

void SettingsDialog::accept()
{
    fixUpRoot();
    if (!validate())
        return;
    AppSettings *settings = m_session->settings();
    QString error;
    settings->setEndpoint(m_root->text().trimmed(), m_version->currentText(), &error);
    settings->setMaxRequestsInFlight(m_inFlight->value());
    settings->setMaxRequestsPerSecond(m_perSecond->value());
    settings->setExpiryHours(m_expiry->value());
    settings->setTransferTimeoutSeconds(m_timeout->value());
    settings->setMaxInflatedGiB(m_maxInflated->value());
    settings->setMaxInflationRatio(m_maxRatio->value());
    m_session->setRefreshIntervalSeconds(m_interval->value());
    settings->setLanguage(m_language->currentData().toString());
    settings->setCloseToTray(m_closeToTray->isChecked());
    const auto theme = Theme::Choice(m_theme->currentData().toInt());
    settings->setTheme(Theme::toSetting(theme));
    Theme::apply(theme);
    m_registration->save();
    m_session->applySettings();
    settings->sync();
    QDialog::accept();
}
