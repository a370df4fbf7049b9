#pragma once

#include <QPointer>
#include <QToolButton>

class MessageBanner;
class QAction;
class QLabel;
class QMenu;
class QPushButton;
class Session;
class SignInDialog;
struct SignInError;

// The account on the toolbar: "Sign in…", or the signed-in user (or app) and tenant with
// Sign out and Switch account. It also owns the two other places the sign-in shows: the
// "Sign in again" banner when renewal was refused (polling waits meanwhile, and resumes
// once signed in), and the status-bar note of when the token renews.
class AccountButton : public QToolButton
{
    Q_OBJECT
public:
    explicit AccountButton(Session *session, QWidget *parent = nullptr);
    ~AccountButton() override;

    MessageBanner *banner() const { return m_banner; }
    QLabel *renewalLabel() const { return m_renewal; }
    QString renewalText() const;

    // Room for the menu's arrow beside the user's name: QToolButton paints it in its corner
    // without counting it, over the name's last letters.
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

public slots:
    // Opens the sign-in dialog (modeless, one at a time).
    void showSignInDialog();
    void signOut();

private:
    void updateAccount();
    void onSignInRequired(const SignInError &why);

    Session *m_session;
    // Placed by the window, which then deletes them; guarded, so that the destructor
    // deletes only the ones never placed.
    QPointer<MessageBanner> m_banner;
    QPushButton *m_signInAgain;
    QPointer<QLabel> m_renewal;
    QMenu *m_menu;
    QAction *m_accountSection = nullptr;
    SignInDialog *m_dialog = nullptr;
};
