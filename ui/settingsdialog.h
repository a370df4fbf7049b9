#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class Session;

// Where Graph is, how often to check, and the access token. The address is validated as it is
// typed (https anywhere, plain http only to this computer) and OK stays off until it is
// valid. Accepting applies everything to the session at once.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(Session *session, QWidget *parent = nullptr);

    QLineEdit *rootEdit() const { return m_root; }
    QComboBox *versionBox() const { return m_version; }
    QSpinBox *intervalBox() const { return m_interval; }
    QLineEdit *tokenEdit() const { return m_token; }
    QString validationMessage() const;

    void accept() override;

private:
    bool validate();

    Session *m_session;
    QLineEdit *m_root;
    QComboBox *m_version;
    QSpinBox *m_interval;
    QLineEdit *m_token;
    QCheckBox *m_showToken;
    QCheckBox *m_rememberToken;
    QLabel *m_rootError;
    QDialogButtonBox *m_buttons;
    QString m_initialToken;
};
