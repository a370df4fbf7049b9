#pragma once

#include "models/trackedoperation.h"

#include <QHash>
#include <QWidget>

class QFrame;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QVBoxLayout;

// Everything known about the selected operation: its status and times, the manifest link of
// a finished export, the whole error of a failed one, and the problem of the last request.
// It only shows what the model holds; actions go out as signals.
class DetailsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DetailsPanel(QWidget *parent = nullptr);

    // Shows this operation (again, when it changed); keeps text selections when nothing moved.
    void setOperation(const TrackedOperation &operation);
    void clear();
    bool hasOperation() const { return !m_operation.id.isEmpty(); }
    const TrackedOperation &operation() const { return m_operation; }

    // A widget shown below the link for succeeded operations: the manifest view with its
    // downloads. The panel takes ownership.
    void setManifestWidget(QWidget *widget);

    // The texts on show, for "copy" actions and tests.
    QString errorDetailsText() const;
    QString problemText() const;
    QString manifestLinkText() const;

signals:
    void checkNowRequested(const QString &id);
    // The shown operation changed (another one, or the same with news), for the manifest view.
    void operationShown(const TrackedOperation &operation);
    void messageForStatusBar(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    QFrame *makeSection(const QString &title, QVBoxLayout **content);
    void addFact(const QString &caption, QLabel *value);
    void updateHeader();
    void updateFacts();
    void updateProblem();
    void updateFailure();
    void updateManifest();
    void setFact(QLabel *label, const QString &text, const QString &toolTip = {});
    void setTimeFact(QLabel *label, const QDateTime &time);

    TrackedOperation m_operation;

    QStackedWidget *m_stack;
    QLabel *m_statusIcon;
    QLabel *m_statusTitle;
    QLabel *m_idLabel;
    QLabel *m_labelText;

    QGridLayout *m_facts;
    QHash<QLabel *, QLabel *> m_captions; // value -> its caption
    QLabel *m_created;
    QLabel *m_lastAction;
    QLabel *m_added;
    QLabel *m_lastChecked;
    QLabel *m_nextCheck;
    QLabel *m_retryAfter;
    QLabel *m_rawStatus;

    QFrame *m_problemSection;
    QLabel *m_problemIcon;
    QLabel *m_problemSummary;
    QLabel *m_problemFacts;

    QFrame *m_failureSection;
    QPlainTextEdit *m_errorDetails;

    QFrame *m_manifestSection;
    QLineEdit *m_manifestLink;
    QPushButton *m_openManifest;
    QPushButton *m_copyLink;
    QVBoxLayout *m_manifestLayout;
    QWidget *m_manifestWidget = nullptr;

    QPushButton *m_checkNow;
};
