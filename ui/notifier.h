#pragma once

#include "models/operationstatus.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

class OperationTableModel;
class QSystemTrayIcon;

// Tells the analyst when exports finish while the app watches them: a desktop notification
// through the tray when there is one, otherwise inWindowMessage() for the window to show.
// Several finishing at once make one message, not a burst.
class Notifier : public QObject
{
    Q_OBJECT
public:
    explicit Notifier(OperationTableModel *model, QObject *parent = nullptr);

signals:
    void inWindowMessage(const QString &title, const QString &text, bool anyFailed);
    // The tray icon was clicked: the window should come forward.
    void activationRequested();

private:
    void onStatusChanged(const QString &id, OperationStatus from, OperationStatus to);
    void flush();

    OperationTableModel *m_model;
    QSystemTrayIcon *m_tray = nullptr;
    QTimer m_batchTimer;
    QStringList m_succeeded;
    QStringList m_failed;
};
