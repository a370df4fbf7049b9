#pragma once

#include "app/auth/devicecodeflow.h"
#include "app/auth/signinerror.h"

#include <QDialog>
#include <QPointer>
#include <QTimer>

#include <functional>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QStackedWidget;
class Session;
class SignInConfigForm;
class SignInFlow;

// Signing in to Microsoft: the tenant and client id of the partner's app registration (with
// the registration steps and a Copy button), then one of three ways: the system browser, a
// device code (shown with Copy, the link and a countdown), or app-only with a client secret
// (typed once, kept in the keychain) or a certificate file. Errors are explained in words,
// with "Copy details" for the tenant's administrator. Accepts once signed in.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Method { Browser, DeviceCode, AppOnly };

    explicit SignInDialog(Session *session, QWidget *parent = nullptr);
    ~SignInDialog() override;

    void setMethod(Method method);
    // How the browser is opened (QDesktopServices by default); false means it could not be,
    // and the dialog offers a device code instead.
    void setUrlOpener(std::function<bool(const QUrl &)> opener) { m_openUrl = std::move(opener); }

    SignInConfigForm *registration() const { return m_registration; }
    QLineEdit *secretEdit() const { return m_secret; }
    QPushButton *startButton() const { return m_start; }
    QLabel *userCodeLabel() const { return m_userCode; }
    QLabel *errorLabel() const { return m_error; }
    QString detailsForCopy() const { return m_lastError.details(); }

    void reject() override;

private:
    void start();
    void stopFlow();
    void watch(SignInFlow *flow);
    void showPrompt(const DeviceCodePrompt &prompt);
    void tick();
    void showError(const SignInError &error);
    void setBusy(bool busy, const QString &status = {});
    void finishSignIn();

    Session *m_session;
    std::function<bool(const QUrl &)> m_openUrl;
    SignInConfigForm *m_registration = nullptr;
    QButtonGroup *m_methods;
    QStackedWidget *m_pages;
    QLabel *m_prompt;
    QLabel *m_userCode;
    QLabel *m_link;
    QLabel *m_countdown;
    QPushButton *m_copyCode;
    QRadioButton *m_useSecret;
    QLineEdit *m_secret;
    QLineEdit *m_certificate;
    QLabel *m_status;
    QLabel *m_error;
    QPushButton *m_copyDetails;
    QPushButton *m_start;
    QPushButton *m_close;
    QTimer m_countdownTimer;
    QPointer<SignInFlow> m_flow;
    DeviceCodePrompt m_devicePrompt;
    SignInError m_lastError;
    bool m_waitingForAppOnly = false;
};
