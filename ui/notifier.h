#pragma once

#include "models/operationstatus.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

class OperationTableModel;
class QSystemTrayIcon;

// Tells the analyst when exports finish while the app watches them: a desktop notification
// through the tray icon when there is one (the window's TrayIcon), otherwise
// inWindowMessage() for the window to show. Several finishing at once make one message,
// not a burst.
class Notifier : public QObject
{
    Q_OBJECT
public:
    Notifier(OperationTableModel *model, QSystemTrayIcon *tray, QObject *parent = nullptr);

    // The in-window message was read (its banner closed): the next one starts counting anew.
    void acknowledge();

signals:
    void inWindowMessage(const QString &title, const QString &text, bool anyFailed);

private:
    void onStatusChanged(const QString &id, OperationStatus from, OperationStatus to);
    void flush();

    OperationTableModel *m_model;
    QSystemTrayIcon *m_tray = nullptr;
    QTimer m_batchTimer;
    QStringList m_succeeded;
    QStringList m_failed;
    QStringList m_unseenSucceeded;
    QStringList m_unseenFailed;
};
