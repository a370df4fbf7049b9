#include "models/operationtablemodel.h"
#include "models/statusstyle.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

namespace {

QString guid(int n)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
}

TrackedOperation tracked(int n, OperationStatus status = OperationStatus::Running)
{
    TrackedOperation operation;
    operation.id = guid(n);
    operation.addedAt = QDateTime(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC);
    operation.last.id = operation.id;
    operation.last.status = status;
    operation.last.rawStatus = operationStatusKey(status);
    operation.last.createdDateTime = QDateTime(QDate(2026, 11, 1), QTime(8, n % 60), Qt::UTC);
    operation.last.lastActionDateTime = operation.last.createdDateTime.addSecs(90);
    return operation;
}

} // namespace

class TestOperationTableModel : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_model = std::make_unique<OperationTableModel>();
        m_model->setClock([] { return QDateTime(QDate(2026, 11, 1), QTime(10, 0), Qt::UTC); });
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_proxy = std::make_unique<QSortFilterProxyModel>();
        m_proxy->setSourceModel(m_model.get());
        m_proxy->setSortRole(OperationTableModel::SortRole);
        m_proxy->setDynamicSortFilter(true);
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(
            m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_proxyTester.reset();
        m_proxy.reset();
        m_tester.reset();
        m_model.reset();
    }

    void addsOnlyNewIds()
    {
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(m_model.get(), &OperationTableModel::contentsChanged);
        QCOMPARE(m_model->add({tracked(1), tracked(2)}), QStringList({guid(1), guid(2)}));
        QCOMPARE(m_model->add({tracked(2), tracked(3), tracked(3)}), QStringList({guid(3)}));
        QCOMPARE(m_model->add({tracked(1)}), QStringList());
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(m_model->rowOf(guid(3)), 2);
        QVERIFY(m_model->contains(guid(2)));
        QCOMPARE(m_model->find(guid(2))->id, guid(2));
        QVERIFY(!m_model->find(guid(9)));
    }

    void updatesAreRowScopedAndNeverReset()
    {
        QList<TrackedOperation> operations;
        for (int i = 0; i < 10; ++i)
            operations.append(tracked(i));
        m_model->add(operations);

        QSignalSpy dataChanged(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy layout(m_model.get(), &QAbstractItemModel::layoutChanged);

        // Rows 2, 3, 4 and 7 change; row 5 is sent unchanged and must not be signalled.
        QList<TrackedOperation> batch;
        for (int row : {7, 3, 2, 4, 5}) {
            TrackedOperation operation = m_model->at(row);
            if (row != 5)
                operation.lastChecked = QDateTime(QDate(2026, 11, 1), QTime(9, 30), Qt::UTC);
            batch.append(operation);
        }
        m_model->update(batch);

        QCOMPARE(reset.count(), 0);
        QCOMPARE(layout.count(), 0);
        QCOMPARE(dataChanged.count(), 2);
        const auto range = [&](int i) {
            const auto args = dataChanged.at(i);
            return std::make_pair(args.at(0).toModelIndex().row(), args.at(1).toModelIndex().row());
        };
        QCOMPARE(range(0), std::make_pair(2, 4));
        QCOMPARE(range(1), std::make_pair(7, 7));
        QCOMPARE(dataChanged.at(0).at(1).toModelIndex().column(),
                 int(OperationTableModel::ColumnCount) - 1);

        dataChanged.clear();
        m_model->update(batch);
        QCOMPARE(dataChanged.count(), 0);
    }

    void scatteredBigBatchIsOneSignalAndOneResort()
    {
        constexpr int Rows = 1000;
        QList<TrackedOperation> operations;
        for (int i = 0; i < Rows; ++i)
            operations.append(tracked(i));
        m_model->add(operations);
        m_proxy->sort(OperationTableModel::StatusColumn);

        QSignalSpy dataChanged(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy proxyLayout(m_proxy.get(), &QAbstractItemModel::layoutChanged);
        // Every seventh row finishes: 143 runs, more than one in 32 rows.
        QList<TrackedOperation> batch;
        for (int row = 0; row < Rows; row += 7)
            batch.append(tracked(row, OperationStatus::Succeeded));
        m_model->update(batch);

        QCOMPARE(dataChanged.count(), 1);
        QCOMPARE(dataChanged.at(0).at(0).toModelIndex(), m_model->index(0, 0));
        QCOMPARE(dataChanged.at(0).at(1).toModelIndex(),
                 m_model->index(Rows - 1, OperationTableModel::ColumnCount - 1));
        QCOMPARE(proxyLayout.count(), 1); // the proxy re-sorted once
        // And it is sorted: the running rows first, then the 143 that succeeded.
        const int running = Rows - int(batch.size());
        for (int row = 0; row < Rows; ++row) {
            const QModelIndex index = m_proxy->index(row, OperationTableModel::StatusColumn);
            QCOMPARE(m_proxy->data(index, OperationTableModel::StatusRole).toInt(),
                     int(row < running ? OperationStatus::Running : OperationStatus::Succeeded));
        }

        // A few scattered rows stay row-scoped.
        dataChanged.clear();
        m_model->update(
            {tracked(1, OperationStatus::Failed), tracked(500, OperationStatus::Failed)});
        QCOMPARE(dataChanged.count(), 2);
    }

    void statusTransitionsAreAnnounced()
    {
        TrackedOperation fresh = tracked(1);
        fresh.last = Operation();
        m_model->add({fresh});
        QSignalSpy transitions(m_model.get(), &OperationTableModel::statusChanged);

        // The first answer is not a transition: nothing was known before it.
        m_model->update({tracked(1, OperationStatus::Running)});
        QCOMPARE(transitions.count(), 0);

        m_model->update({tracked(1, OperationStatus::Succeeded)});
        QCOMPARE(transitions.count(), 1);
        QCOMPARE(transitions.at(0).at(0).toString(), guid(1));
        QCOMPARE(transitions.at(0).at(1).value<OperationStatus>(), OperationStatus::Running);
        QCOMPARE(transitions.at(0).at(2).value<OperationStatus>(), OperationStatus::Succeeded);

        TrackedOperation expired = tracked(1, OperationStatus::Succeeded);
        expired.expired = true;
        m_model->update({expired});
        QCOMPARE(transitions.count(), 2);
        QCOMPARE(m_model
                     ->data(m_model->index(0, OperationTableModel::StatusColumn),
                            OperationTableModel::StatusRole)
                     .toInt(),
                 int(OperationStatus::Expired));
    }

    void removesScatteredRows()
    {
        QList<TrackedOperation> operations;
        for (int i = 0; i < 8; ++i)
            operations.append(tracked(i));
        m_model->add(operations);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);

        m_model->remove({guid(1), guid(2), guid(6), guid(42), guid(1)});

        QCOMPARE(removed.count(), 2);
        QCOMPARE(m_model->rowCount(), 5);
        QStringList remaining;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            remaining.append(m_model->at(row).id);
            QCOMPARE(m_model->rowOf(m_model->at(row).id), row);
        }
        QCOMPARE(remaining, QStringList({guid(0), guid(3), guid(4), guid(5), guid(7)}));
        QVERIFY(!m_model->contains(guid(6)));
    }

    void restoredRowsReturnWithTheirStatus()
    {
        QList<TrackedOperation> operations;
        for (int i = 0; i < 6; ++i)
            operations.append(
                tracked(i, i % 2 ? OperationStatus::Failed : OperationStatus::Running));
        m_model->add(operations);
        m_model->remove({guid(1), guid(4)});
        m_proxy->sort(OperationTableModel::StatusColumn);

        m_model->restore({{1, operations.at(1)}, {4, operations.at(4)}});

        QCOMPARE(m_model->rowCount(), 6);
        for (int row = 0; row < m_model->rowCount(); ++row) {
            QCOMPARE(m_model->at(row).id, guid(row));
            QCOMPARE(m_model->rowOf(guid(row)), row);
            // The status the sort reads is the restored row's own, not a neighbour's.
            QCOMPARE(m_model->sortNumber(row, OperationTableModel::StatusColumn),
                     std::optional<qint64>(int(operations.at(row).status())));
        }
        // The proxy, sorted by status before the undo, puts each restored row in its place.
        for (int row = 1; row < m_proxy->rowCount(); ++row) {
            const auto statusAt = [this](int proxyRow) {
                const QModelIndex source = m_proxy->mapToSource(m_proxy->index(proxyRow, 0));
                return int(m_model->at(source.row()).status());
            };
            QVERIFY(statusAt(row - 1) <= statusAt(row));
        }
    }

    // The tally the status bar reads matches a count of the rows after every kind of change.
    void tallyFollowsEveryChange()
    {
        const auto verifyTally = [this] {
            OperationTableModel::Tally counted;
            for (const TrackedOperation &operation : m_model->operations()) {
                if (operation.hasKnownStatus())
                    ++counted.byStatus[size_t(operation.status())];
                else if (operation.lastChecked.isValid())
                    ++counted.unanswered;
                else
                    ++counted.unchecked;
            }
            const OperationTableModel::Tally &tally = m_model->tally();
            QCOMPARE(tally.byStatus, counted.byStatus);
            QCOMPARE(tally.unanswered, counted.unanswered);
            QCOMPARE(tally.unchecked, counted.unchecked);
        };
        const QDateTime checked(QDate(2026, 11, 1), QTime(9, 30), Qt::UTC);
        const OperationStatus statuses[]
            = {OperationStatus::Running, OperationStatus::NotStarted, OperationStatus::Failed,
               OperationStatus::Succeeded, OperationStatus::Unknown};
        QList<TrackedOperation> operations;
        for (int i = 0; i < 12; ++i) {
            TrackedOperation operation = tracked(i, statuses[i % std::size(statuses)]);
            if (i % 4 == 1) {
                operation.last = Operation(); // not checked yet
            } else if (i % 4 == 2) {
                operation.last = Operation(); // checked, no answer yet
                operation.lastChecked = checked;
            }
            operations.append(operation);
        }
        m_model->add(operations);
        verifyTally();
        QCOMPARE(m_model->tally().unchecked, 3);
        QCOMPARE(m_model->tally().unanswered, 3);

        // Answers arrive, one expires, one ends, one is sent again unchanged.
        QList<TrackedOperation> batch;
        TrackedOperation answered = m_model->at(1);
        answered.last = tracked(1, OperationStatus::Running).last;
        answered.lastChecked = checked;
        TrackedOperation expired = m_model->at(2);
        expired.expired = true;
        TrackedOperation finished = m_model->at(0);
        finished.last.status = OperationStatus::Succeeded;
        finished.last.rawStatus = operationStatusKey(OperationStatus::Succeeded);
        batch << answered << expired << finished << m_model->at(3);
        m_model->update(batch);
        verifyTally();
        QCOMPARE(m_model->tally().byStatus[size_t(OperationStatus::Expired)], 1);

        const QList<std::pair<int, TrackedOperation>> removed
            = {{1, m_model->at(1)}, {5, m_model->at(5)}, {6, m_model->at(6)}};
        m_model->remove({guid(1), guid(5), guid(6)});
        verifyTally();
        m_model->restore(removed);
        verifyTally();
        m_model->setLabel(guid(4), QStringLiteral("renamed"));
        verifyTally();
        m_model->remove({guid(0)});
        verifyTally();
    }

    void showsStatusProblemAndResult()
    {
        TrackedOperation unchecked = tracked(1);
        unchecked.last = Operation();
        TrackedOperation odd = tracked(2, OperationStatus::Unknown);
        odd.last.rawStatus = QStringLiteral("paused");
        TrackedOperation failed = tracked(3, OperationStatus::Failed);
        failed.last.error.code = QStringLiteral("5000");
        failed.last.error.message = QStringLiteral("No data available");
        TrackedOperation done = tracked(4, OperationStatus::Succeeded);
        done.last.manifestLink = QUrl(QStringLiteral(
            "https://graph.microsoft.com/v1.0/reports/partners/billing/manifests/abc"));
        TrackedOperation throttled = tracked(5, OperationStatus::Running);
        throttled.problem.kind = Problem::Kind::Throttled;
        throttled.problem.httpStatus = 429;
        throttled.problem.message = QStringLiteral("Please retry again later.");
        m_model->add({unchecked, odd, failed, done, throttled});

        const auto text = [&](int row, int column) {
            return m_model->index(row, column).data().toString();
        };
        QCOMPARE(text(0, OperationTableModel::StatusColumn), QStringLiteral("Not checked yet"));
        // A first answer that is a problem (a 401, say) shows at once, before any status.
        TrackedOperation refused = unchecked;
        refused.problem.kind = Problem::Kind::Unauthorized;
        refused.problem.httpStatus = 401;
        refused.problem.message = QStringLiteral("Access token is missing or invalid.");
        refused.lastChecked = QDateTime::currentDateTimeUtc();
        m_model->update({refused});
        // The status cell holds the status alone; the problem's words are the result.
        QCOMPARE(text(0, OperationTableModel::StatusColumn), QStringLiteral("No answer yet"));
        QVERIFY(text(0, OperationTableModel::ResultColumn).startsWith(QStringLiteral("HTTP 401")));
        QCOMPARE(text(1, OperationTableModel::StatusColumn), QStringLiteral("Unknown (paused)"));
        QCOMPARE(text(2, OperationTableModel::StatusColumn), statusText(OperationStatus::Failed));
        QVERIFY(text(2, OperationTableModel::ResultColumn).contains(QStringLiteral("5000")));
        QVERIFY(text(2, OperationTableModel::ResultColumn).contains(QStringLiteral("No data")));
        QCOMPARE(text(3, OperationTableModel::ResultColumn), QStringLiteral("abc"));
        QCOMPARE(text(4, OperationTableModel::StatusColumn), statusText(OperationStatus::Running));
        QVERIFY(text(4, OperationTableModel::ResultColumn).startsWith(QStringLiteral("HTTP 429")));
        QVERIFY(m_model->index(4, 0).data(OperationTableModel::HasProblemRole).toBool());
        QVERIFY(!m_model->index(3, 0).data(OperationTableModel::HasProblemRole).toBool());
        // Whether there is a status to colour yet: not for a row with only a problem.
        QVERIFY(!m_model->index(0, 0).data(OperationTableModel::HasKnownStatusRole).toBool());
        QVERIFY(m_model->index(1, 0).data(OperationTableModel::HasKnownStatusRole).toBool());
        QCOMPARE(m_model->index(4, 0).data(OperationTableModel::OperationIdRole).toString(),
                 guid(5));
    }

    void showsLocalTimeWithUtcToolTip()
    {
        m_model->add({tracked(5)});
        const QModelIndex created = m_model->index(0, OperationTableModel::CreatedColumn);
        const QDateTime utc(QDate(2026, 11, 1), QTime(8, 5), Qt::UTC);
        QCOMPARE(created.data().toString(),
                 utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        QCOMPARE(created.data(Qt::ToolTipRole).toString(),
                 QStringLiteral("2026-11-01T08:05:00Z UTC"));
    }

    void ageRunsUntilFinishedThenShowsDuration()
    {
        m_model->add({tracked(0, OperationStatus::Running), tracked(1, OperationStatus::Failed)});
        const auto age = [&](int row) {
            return m_model->index(row, OperationTableModel::AgeColumn)
                .data(OperationTableModel::SortRole)
                .toLongLong();
        };
        QCOMPARE(age(0), 2 * 3600); // created 08:00, clock at 10:00
        QCOMPARE(age(1), 90); // created 08:01, last action 90 s later

        QSignalSpy dataChanged(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->setClock([] { return QDateTime(QDate(2026, 11, 1), QTime(11, 0), Qt::UTC); });
        QCOMPARE(dataChanged.count(), 1);
        QCOMPARE(dataChanged.at(0).at(0).toModelIndex().column(),
                 int(OperationTableModel::AgeColumn));
        QCOMPARE(age(0), 3 * 3600);
    }

    void labelsAreEditable()
    {
        m_model->add({tracked(1)});
        const QModelIndex label = m_model->index(0, OperationTableModel::LabelColumn);
        QVERIFY(label.flags() & Qt::ItemIsEditable);
        QVERIFY(!(m_model->index(0, OperationTableModel::IdColumn).flags() & Qt::ItemIsEditable));
        QSignalSpy changed(m_model.get(), &OperationTableModel::contentsChanged);
        QVERIFY(m_model->setData(label, QStringLiteral("  Billed usage · G016907411  ")));
        QCOMPARE(label.data().toString(), QStringLiteral("Billed usage · G016907411"));
        QCOMPARE(changed.count(), 1);
        QVERIFY(!m_model->setData(m_model->index(0, OperationTableModel::IdColumn),
                                  QStringLiteral("x")));
    }

    void everyColumnSorts_data()
    {
        QTest::addColumn<int>("column");
        for (int column = 0; column < OperationTableModel::ColumnCount; ++column)
            QTest::addRow("column %d", column) << column;
    }

    void everyColumnSorts()
    {
        QFETCH(int, column);
        QList<TrackedOperation> operations;
        const OperationStatus statuses[]
            = {OperationStatus::Failed, OperationStatus::Running, OperationStatus::Succeeded,
               OperationStatus::NotStarted};
        for (int i = 0; i < 12; ++i) {
            TrackedOperation operation = tracked((i * 7) % 12, statuses[i % 4]);
            operation.label = QStringLiteral("label %1").arg((i * 5) % 12, 2, 10, QLatin1Char('0'));
            operation.lastChecked = QDateTime(QDate(2026, 11, 1), QTime(9, (i * 11) % 60), Qt::UTC);
            operations.append(operation);
        }
        m_model->add(operations);
        m_proxy->sort(column, Qt::AscendingOrder);

        for (int row = 1; row < m_proxy->rowCount(); ++row) {
            const QVariant previous
                = m_proxy->index(row - 1, column).data(OperationTableModel::SortRole);
            const QVariant current
                = m_proxy->index(row, column).data(OperationTableModel::SortRole);
            QVERIFY2(QVariant::compare(previous, current) != QPartialOrdering::Greater,
                     qPrintable(QStringLiteral("row %1 of column %2").arg(row).arg(column)));
        }

        // An update that moves a row on the sort column keeps the proxy sorted.
        TrackedOperation changed = m_model->at(0);
        changed.last.status = OperationStatus::Succeeded;
        changed.last.rawStatus = QStringLiteral("succeeded");
        changed.lastChecked = changed.lastChecked.addSecs(3600);
        m_model->update({changed});
        for (int row = 1; row < m_proxy->rowCount(); ++row) {
            const QVariant previous
                = m_proxy->index(row - 1, column).data(OperationTableModel::SortRole);
            const QVariant current
                = m_proxy->index(row, column).data(OperationTableModel::SortRole);
            QVERIFY(QVariant::compare(previous, current) != QPartialOrdering::Greater);
        }
    }

private:
    std::unique_ptr<OperationTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QSortFilterProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

QTEST_GUILESS_MAIN(TestOperationTableModel)
#include "tst_operationtablemodel.moc"
