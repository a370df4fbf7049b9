#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class Session;
class SignInConfigForm;

// Where Graph is, which app registration the sign-in uses (shared with the sign-in dialog and
// the command line), how politely to poll (interval, limits, expiry, timeout), and the app's
// language, theme and tray behaviour. The addresses are validated as they are typed (https
// anywhere, plain http only to this computer, no national cloud) and OK stays off until they
// are valid. Accepting applies everything to the session at once.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(Session *session, QWidget *parent = nullptr);

    QLineEdit *rootEdit() const { return m_root; }
    QComboBox *versionBox() const { return m_version; }
    QSpinBox *intervalBox() const { return m_interval; }
    QSpinBox *inFlightBox() const { return m_inFlight; }
    QSpinBox *perSecondBox() const { return m_perSecond; }
    QSpinBox *expiryBox() const { return m_expiry; }
    QSpinBox *timeoutBox() const { return m_timeout; }
    QSpinBox *maxInflatedBox() const { return m_maxInflated; }
    QSpinBox *maxRatioBox() const { return m_maxRatio; }
    SignInConfigForm *registration() const { return m_registration; }
    QComboBox *languageBox() const { return m_language; }
    QComboBox *themeBox() const { return m_theme; }
    QCheckBox *closeToTrayBox() const { return m_closeToTray; }
    QString validationMessage() const;

    void accept() override;

private:
    bool validate();
    void fixUpRoot();
    void restorePollingDefaults();

    Session *m_session;
    QLineEdit *m_root;
    QComboBox *m_version;
    QSpinBox *m_interval;
    QSpinBox *m_inFlight;
    QSpinBox *m_perSecond;
    QSpinBox *m_expiry;
    QSpinBox *m_timeout;
    QSpinBox *m_maxInflated;
    QSpinBox *m_maxRatio;
    SignInConfigForm *m_registration;
    QLabel *m_registrationError;
    QComboBox *m_language;
    QComboBox *m_theme;
    QCheckBox *m_closeToTray;
    QLabel *m_rootError;
    QDialogButtonBox *m_buttons;
};
