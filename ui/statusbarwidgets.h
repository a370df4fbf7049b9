#pragma once

#include "models/operationstatus.h"
#include "models/operationtablemodel.h"

#include <QTimer>
#include <QWidget>

#include <array>

class OperationMonitor;
class QLabel;

// The permanent part of the status bar: how many operations are in each status (icon and
// number), how many requests are in flight, when the next check goes out, and whether Graph
// has asked the app to pause.
class StatusSummary : public QWidget
{
    Q_OBJECT
public:
    StatusSummary(OperationTableModel *model, OperationMonitor *monitor, QWidget *parent = nullptr);

    // Operations Graph has answered for, by status; those still waiting for their first
    // answer are counted apart, since they have no status yet.
    int count(OperationStatus status) const { return m_shown.byStatus.at(int(status)); }
    // Not finished yet: not started, running, or without a status so far.
    int unfinishedCount() const;
    // "3 running", said as words: what a screen reader reads for a status's icon and number.
    static QString countText(OperationStatus status, int count);
    // "2 requests in flight · next check 14:02:31" or the throttle notice.
    QString activityText() const;

public slots:
    void updateActivity();

signals:
    // The counts were recounted (at most every 100 ms).
    void countsChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void scheduleRecount();
    void recount();
    void updateIcons();

    OperationTableModel *m_model;
    OperationMonitor *m_monitor;
    QTimer m_recountTimer;
    // The model's tally as the labels show it, taken at the last recount.
    OperationTableModel::Tally m_shown;
    std::array<QLabel *, StatusCount> m_icons {};
    std::array<QLabel *, StatusCount> m_numbers {};
    QLabel *m_uncheckedLabel;
    QLabel *m_activity;
    QLabel *m_throttle;
};
