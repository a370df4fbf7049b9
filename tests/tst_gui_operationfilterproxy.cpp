// The window's sort and filter proxy against QSortFilterProxyModel, which it replaces: on
// random rows, after every kind of change the table makes, it shows the same rows in the same
// order (a freshly sorted QSortFilterProxyModel keeps rows that sort alike in the table's
// order, and so does this proxy at all times), and the selection and current row follow their
// operations.

#include "models/operationstatus.h"
#include "models/operationtablemodel.h"
#include "ui/operationfilterproxy.h"
#include "ui/operationstyleproxy.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include <memory>

namespace {

const QDateTime Now(QDate(2026, 11, 1), QTime(10, 0), Qt::UTC);

QString guid(int n)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
}

constexpr OperationStatus Statuses[] = {OperationStatus::NotStarted, OperationStatus::Running,
                                        OperationStatus::Succeeded, OperationStatus::Failed};

// Few distinct values per column, so many rows sort alike and the tie order is tested too.
void randomise(TrackedOperation &operation, QRandomGenerator &random)
{
    const OperationStatus status = Statuses[random.bounded(4)];
    operation.last.status = status;
    operation.last.rawStatus = operationStatusKey(status);
    operation.label = random.bounded(3) == 0
        ? QString()
        : QStringLiteral("Label %1").arg(QChar(u'a' + random.bounded(5)));
    operation.last.createdDateTime = Now.addSecs(-600 * random.bounded(1, 20));
    operation.last.lastActionDateTime
        = operation.last.createdDateTime.addSecs(60 * random.bounded(5));
    operation.lastChecked = Now.addSecs(-random.bounded(4));
    operation.problem = {};
    if (random.bounded(8) == 0) {
        operation.problem.kind = Problem::Kind::Throttled;
        operation.problem.httpStatus = 429;
        operation.problem.message = QStringLiteral("Too many requests");
    }
}

TrackedOperation randomOperation(int n, QRandomGenerator &random)
{
    TrackedOperation operation;
    operation.id = guid(n);
    operation.addedAt = Now.addSecs(-7200);
    operation.last.id = operation.id;
    randomise(operation, random);
    return operation;
}

QStringList idsOf(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(OperationTableModel::OperationIdRole).toString());
    return ids;
}

} // namespace

class TestOperationFilterProxy : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_random.seed(12);
        m_table = std::make_unique<OperationTableModel>();
        m_table->setClock([] { return Now; });
        m_style = std::make_unique<OperationStyleProxy>();
        m_style->setSourceModel(m_table.get());
        m_proxy = std::make_unique<OperationFilterProxy>();
        m_proxy->setSourceModel(m_style.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_selection = std::make_unique<QItemSelectionModel>(m_proxy.get());

        m_reference = std::make_unique<QSortFilterProxyModel>();
        m_reference->setSourceModel(m_style.get());
        m_reference->setSortRole(OperationTableModel::SortRole);
        m_reference->setFilterKeyColumn(-1);
        m_reference->setFilterCaseSensitivity(Qt::CaseInsensitive);

        QList<TrackedOperation> operations;
        for (int i = 0; i < 400; ++i)
            operations.append(randomOperation(i, m_random));
        m_table->add(operations);
        m_nextNumber = 400;
    }

    void cleanup()
    {
        m_reference.reset();
        m_selection.reset();
        m_tester.reset();
        m_proxy.reset();
        m_style.reset();
        m_table.reset();
    }

    void sortsEveryColumnAsQSortFilterProxyModel()
    {
        QCOMPARE(m_proxy->sortRole(), int(OperationTableModel::SortRole));
        QCOMPARE(idsOf(*m_proxy), idsOf(*m_table));
        for (int column = 0; column < OperationTableModel::ColumnCount; ++column) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                m_proxy->sort(column, order);
                QCOMPARE(m_proxy->sortColumn(), column);
                QCOMPARE(m_proxy->sortOrder(), order);
                verifySameAsReference();
            }
        }
        // No column: the table's own order again.
        m_proxy->sort(-1);
        QCOMPARE(idsOf(*m_proxy), idsOf(*m_table));
    }

    void bigBatchMovesRowsInOneLayoutChangeKeepingSelection_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("order");
        QTest::addColumn<int>("changed");
        for (int column = 0; column < OperationTableModel::ColumnCount; ++column) {
            const QByteArray name = QByteArray::number(column);
            // 150 scattered rows make one wide dataChanged; 3 make a few row-scoped ones.
            QTest::newRow(QByteArray(name + " up, big").constData())
                << column << Qt::AscendingOrder << 150;
            QTest::newRow(QByteArray(name + " down, big").constData())
                << column << Qt::DescendingOrder << 150;
            QTest::newRow(QByteArray(name + " up, small").constData())
                << column << Qt::AscendingOrder << 3;
        }
    }

    void bigBatchMovesRowsInOneLayoutChangeKeepingSelection()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        QFETCH(int, changed);
        m_proxy->sort(column, order);
        selectSome();
        const QStringList selected = selectedIds();
        const QString current = currentId();
        QSignalSpy layoutChanged(m_proxy.get(), &QAbstractItemModel::layoutChanged);
        QSignalSpy inserted(m_proxy.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_proxy.get(), &QAbstractItemModel::rowsRemoved);

        m_table->update(randomBatch(changed));
        verifySameAsReference();
        QVERIFY(layoutChanged.count() <= (changed > 10 ? 1 : changed));
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(selectedIds(), selected);
        QCOMPARE(currentId(), current);
    }

    void agesMoveWithTheClock()
    {
        // Running operations age with the clock, finished ones keep their duration.
        m_proxy->sort(OperationTableModel::AgeColumn, Qt::DescendingOrder);
        verifySameAsReference();
        QSignalSpy layoutChanged(m_proxy.get(), &QAbstractItemModel::layoutChanged);
        // A clock before every creation: running rows are 0 s old, below the finished ones.
        m_table->setClock([] { return Now.addSecs(-20000); });
        verifySameAsReference();
        QCOMPARE(layoutChanged.count(), 1);
        m_table->setClock([] { return Now; });
        verifySameAsReference();
        QCOMPARE(layoutChanged.count(), 2);
        // Every running row a second older: all keys change, nothing moves.
        m_table->setClock([] { return Now.addSecs(1); });
        verifySameAsReference();
        QCOMPARE(layoutChanged.count(), 2);
    }

    void filtersByTextAndState()
    {
        m_proxy->sort(OperationTableModel::StatusColumn);
        selectSome();
        m_proxy->setFilterFixedString(QStringLiteral("label B"));
        QVERIFY(m_proxy->isFiltering());
        QCOMPARE(m_proxy->filterText(), QStringLiteral("label B"));
        verifySameAsReference();
        QVERIFY(m_proxy->rowCount() > 0);
        QVERIFY(m_proxy->rowCount() < m_table->rowCount());
        for (const QString &id : selectedIds())
            QVERIFY(m_table->find(id)->label == QStringLiteral("Label b"));

        // Changes that bring rows in and take rows out, in big and small batches.
        m_table->update(randomBatch(150));
        verifySameAsReference();
        m_table->update(randomBatch(2));
        verifySameAsReference();
        m_proxy->setFilterFixedString({});
        verifySameAsReference();
        QCOMPARE(m_proxy->rowCount(), m_table->rowCount());

        using Filter = OperationFilterProxy::StateFilter;
        for (const Filter filter : OperationFilterProxy::StateFilters) {
            m_proxy->setStateFilter(filter);
            QCOMPARE(m_proxy->isFiltering(), filter != Filter::All);
            m_table->update(randomBatch(150));
            m_table->update(randomBatch(2));
            const QStringList shown = idsOf(*m_proxy);
            QStringList expected;
            for (const TrackedOperation &operation : m_table->operations()) {
                if (shownBy(filter, operation))
                    expected.append(operation.id);
            }
            QCOMPARE(shown.size(), expected.size());
            QCOMPARE(QSet<QString>(shown.cbegin(), shown.cend()),
                     QSet<QString>(expected.cbegin(), expected.cend()));
            verifySorted();
        }
    }

    void insertsAndRemovesInPlace()
    {
        m_proxy->sort(OperationTableModel::CreatedColumn, Qt::DescendingOrder);
        selectSome();
        const QString current = currentId();

        // New rows land all over the sorted order.
        QList<TrackedOperation> added;
        for (int i = 0; i < 60; ++i)
            added.append(randomOperation(m_nextNumber++, m_random));
        QSignalSpy inserted(m_proxy.get(), &QAbstractItemModel::rowsInserted);
        m_table->add(added);
        QCOMPARE(inserted.count(), 1);
        verifySameAsReference();
        QCOMPARE(currentId(), current);

        // One new row that sorts together: inserted where it belongs, no layout change.
        QSignalSpy layoutChanged(m_proxy.get(), &QAbstractItemModel::layoutChanged);
        TrackedOperation one = randomOperation(m_nextNumber++, m_random);
        one.last.createdDateTime = Now;
        m_table->add({one});
        QCOMPARE(layoutChanged.count(), 0);
        QCOMPARE(m_proxy->index(0, 0).data(OperationTableModel::OperationIdRole).toString(),
                 one.id);
        verifySameAsReference();

        // Scattered removals, some of them selected; the current row is kept.
        QStringList removed;
        for (int i = 0; i < m_table->rowCount(); i += 7) {
            if (m_table->at(i).id != current)
                removed.append(m_table->at(i).id);
        }
        QStringList selectedBefore = selectedIds();
        m_table->remove(removed);
        verifySameAsReference();
        QCOMPARE(currentId(), current);
        for (const QString &id : std::as_const(removed))
            selectedBefore.removeAll(id);
        QCOMPARE(selectedIds(), selectedBefore);

        // Undoing the removal puts them back in the table's order (a layout change there).
        QList<std::pair<int, TrackedOperation>> back;
        back.append({3, randomOperation(m_nextNumber++, m_random)});
        back.append({9, randomOperation(m_nextNumber++, m_random)});
        m_table->restore(back);
        verifySameAsReference();
        QCOMPARE(currentId(), current);
        m_proxy->sort(-1);
        QCOMPARE(idsOf(*m_proxy), idsOf(*m_table));
    }

    void followsItsSourceAndItsEnd()
    {
        m_proxy->sort(OperationTableModel::StatusColumn);
        QCOMPARE(m_proxy->headerData(OperationTableModel::StatusColumn, Qt::Horizontal),
                 m_table->headerData(OperationTableModel::StatusColumn, Qt::Horizontal));
        // Hiding every row keeps the headers.
        m_proxy->setFilterFixedString(QStringLiteral("no such text"));
        QCOMPARE(m_proxy->rowCount(), 0);
        QVERIFY(!m_proxy->hasChildren());
        QCOMPARE(m_proxy->headerData(OperationTableModel::StatusColumn, Qt::Horizontal),
                 m_table->headerData(OperationTableModel::StatusColumn, Qt::Horizontal));
        m_proxy->setFilterFixedString({});

        // The table behind the style proxy changes: the proxy follows, still sorted.
        OperationTableModel other;
        other.setClock([] { return Now; });
        other.add({randomOperation(1000, m_random), randomOperation(1001, m_random)});
        m_style->setSourceModel(&other);
        QCOMPARE(m_proxy->rowCount(), 2);
        verifySameAsReference();
        m_style->setSourceModel(m_table.get());
        QCOMPARE(m_proxy->rowCount(), m_table->rowCount());
        verifySameAsReference();
    }

private:
    QList<TrackedOperation> randomBatch(int count)
    {
        QList<TrackedOperation> batch;
        for (int i = 0; i < count; ++i) {
            TrackedOperation operation
                = m_table->at(int(m_random.bounded(quint32(m_table->rowCount()))));
            randomise(operation, m_random);
            batch.append(operation);
        }
        return batch;
    }

    static bool shownBy(OperationFilterProxy::StateFilter filter, const TrackedOperation &operation)
    {
        using Filter = OperationFilterProxy::StateFilter;
        switch (filter) {
        case Filter::All:
            return true;
        case Filter::Unfinished:
            return !isTerminal(operation.status());
        case Filter::Succeeded:
            return operation.status() == OperationStatus::Succeeded;
        case Filter::Failed:
            return operation.status() == OperationStatus::Failed;
        case Filter::WithProblem:
            return !operation.problem.isNull();
        }
        return false;
    }

    // A QSortFilterProxyModel sorted and filtered afresh shows the same rows in the same order.
    void verifySameAsReference()
    {
        m_reference->setFilterFixedString(m_proxy->filterText());
        m_reference->sort(m_proxy->sortColumn(), m_proxy->sortOrder());
        m_reference->invalidate();
        QCOMPARE(idsOf(*m_proxy), idsOf(*m_reference));
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            const QModelIndex index = m_proxy->index(row, OperationTableModel::ResultColumn);
            QCOMPARE(m_proxy->mapFromSource(m_proxy->mapToSource(index)), index);
            QCOMPARE(index.data(), m_reference->index(row, index.column()).data());
        }
    }

    void verifySorted()
    {
        if (m_proxy->sortColumn() < 0)
            return;
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(m_proxy.get());
        sorted.setSortRole(OperationTableModel::SortRole);
        sorted.sort(m_proxy->sortColumn(), m_proxy->sortOrder());
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            QCOMPARE(m_proxy->index(row, m_proxy->sortColumn()).data(OperationTableModel::SortRole),
                     sorted.index(row, m_proxy->sortColumn()).data(OperationTableModel::SortRole));
        }
    }

    void selectSome()
    {
        QItemSelection selection;
        for (int row = 1; row < m_proxy->rowCount(); row += 5)
            selection.select(m_proxy->index(row, 0), m_proxy->index(row, 0));
        m_selection->select(selection,
                            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_selection->setCurrentIndex(m_proxy->index(m_proxy->rowCount() / 2, 0),
                                     QItemSelectionModel::NoUpdate);
        QVERIFY(!selectedIds().isEmpty());
    }

    QStringList selectedIds() const
    {
        QStringList ids;
        for (const QModelIndex &index : m_selection->selectedRows())
            ids.append(index.data(OperationTableModel::OperationIdRole).toString());
        ids.sort();
        return ids;
    }

    QString currentId() const
    {
        return m_selection->currentIndex().data(OperationTableModel::OperationIdRole).toString();
    }

    QRandomGenerator m_random;
    int m_nextNumber = 0;
    std::unique_ptr<OperationTableModel> m_table;
    std::unique_ptr<OperationStyleProxy> m_style;
    std::unique_ptr<OperationFilterProxy> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QItemSelectionModel> m_selection;
    std::unique_ptr<QSortFilterProxyModel> m_reference;
};

QTEST_MAIN(TestOperationFilterProxy)
#include "tst_gui_operationfilterproxy.moc"
