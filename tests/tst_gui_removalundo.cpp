#include "app/store/operationremoval.h"
#include "app/store/operationstore.h"
#include "models/operationtablemodel.h"
#include "ui/removalundo.h"
#include "ui/translations.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

namespace {

QString numberedGuid(int number)
{
    return QStringLiteral("%1-0000-4000-8000-000000000000").arg(number, 8, 16, QLatin1Char('0'));
}

TrackedOperation operationWith(int number, OperationStatus status)
{
    TrackedOperation operation;
    operation.id = numberedGuid(number);
    operation.label = QStringLiteral("operation %1").arg(number);
    operation.url = QUrl(QStringLiteral("https://graph.microsoft.com/beta/reports/partners/billing/"
                                        "operations/")
                         + operation.id);
    operation.addedAt = QDateTime(QDate(2026, 11, 1), QTime(9, number), Qt::UTC);
    if (status != OperationStatus::Unknown) {
        operation.last.id = operation.id;
        operation.last.status = status;
        operation.last.rawStatus = operationStatusKey(status);
        operation.lastChecked = operation.addedAt.addSecs(60);
    }
    return operation;
}

QStringList idsOf(const OperationTableModel &model)
{
    QStringList ids;
    for (const TrackedOperation &operation : model.operations())
        ids.append(operation.id);
    return ids;
}

} // namespace

class TestRemovalUndo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void finishedMeansSucceededOrFailed();
    void deleteAndUndoRestoresExactly();
    void removeFinishedAndUndo();
    void nothingToRemovePushesNothing();
    void removalsAndUndoArePersisted();

private:
    std::unique_ptr<OperationTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestRemovalUndo::initTestCase()
{
    // The app's English, for its plurals ("Remove 2 operations").
    Translations::install(Translations::localeFor(QStringLiteral("en")));
}

void TestRemovalUndo::init()
{
    m_tester.reset();
    m_model = std::make_unique<OperationTableModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    TrackedOperation expiredRunning = operationWith(5, OperationStatus::Running);
    expiredRunning.expired = true;
    TrackedOperation expiredSucceeded = operationWith(6, OperationStatus::Succeeded);
    expiredSucceeded.expired = true;
    m_model->add({operationWith(1, OperationStatus::Running),
                  operationWith(2, OperationStatus::Succeeded),
                  operationWith(3, OperationStatus::Failed),
                  operationWith(4, OperationStatus::Unknown), expiredRunning, expiredSucceeded});
}

void TestRemovalUndo::finishedMeansSucceededOrFailed()
{
    QCOMPARE(OperationRemoval::finishedIds(*m_model),
             QStringList({numberedGuid(2), numberedGuid(3), numberedGuid(6)}));
}

void TestRemovalUndo::deleteAndUndoRestoresExactly()
{
    RemovalUndo removal(m_model.get());
    const TrackedOperation before = *m_model->find(numberedGuid(3));

    QCOMPARE(removal.removeOperations({numberedGuid(3), numberedGuid(1), numberedGuid(3)}), 2);
    QCOMPARE(idsOf(*m_model),
             QStringList({numberedGuid(2), numberedGuid(4), numberedGuid(5), numberedGuid(6)}));
    QCOMPARE(removal.stack()->undoText(), QStringLiteral("Remove 2 operations"));

    std::unique_ptr<QAction> undo(removal.createUndoAction(nullptr));
    QVERIFY(undo->isEnabled());
    QSignalSpy restored(&removal, &RemovalUndo::restored);
    undo->trigger();
    QCOMPARE(m_model->rowCount(), 6);
    // Back where they were, not appended, and named so the window can select them.
    QCOMPARE(idsOf(*m_model),
             QStringList({numberedGuid(1), numberedGuid(2), numberedGuid(3), numberedGuid(4),
                          numberedGuid(5), numberedGuid(6)}));
    QCOMPARE(int(restored.size()), 1);
    QCOMPARE(restored.at(0).at(0).toStringList(), QStringList({numberedGuid(1), numberedGuid(3)}));
    const TrackedOperation *after = m_model->find(numberedGuid(3));
    QVERIFY(after);
    QCOMPARE(after->label, before.label);
    QCOMPARE(after->url, before.url);
    QCOMPARE(after->addedAt, before.addedAt);
    QCOMPARE(after->last.status, before.last.status);
    QCOMPARE(after->lastChecked, before.lastChecked);

    removal.stack()->redo();
    QCOMPARE(m_model->rowCount(), 4);
    QVERIFY(!m_model->contains(numberedGuid(1)));
}

void TestRemovalUndo::removeFinishedAndUndo()
{
    RemovalUndo removal(m_model.get());
    QCOMPARE(removal.removeFinished(), 3);
    QCOMPARE(idsOf(*m_model), QStringList({numberedGuid(1), numberedGuid(4), numberedGuid(5)}));
    QCOMPARE(removal.removeFinished(), 0);
    QCOMPARE(removal.stack()->count(), 1);
    removal.stack()->undo();
    QCOMPARE(m_model->rowCount(), 6);
    QCOMPARE(OperationRemoval::finishedIds(*m_model).size(), 3);
    QCOMPARE(idsOf(*m_model),
             QStringList({numberedGuid(1), numberedGuid(2), numberedGuid(3), numberedGuid(4),
                          numberedGuid(5), numberedGuid(6)}));
    QCOMPARE(m_model->rowOf(numberedGuid(6)), 5);
}

void TestRemovalUndo::nothingToRemovePushesNothing()
{
    RemovalUndo removal(m_model.get());
    QCOMPARE(removal.removeOperations({numberedGuid(99)}), 0);
    QCOMPARE(removal.removeOperations({}), 0);
    QCOMPARE(removal.stack()->count(), 0);
    QCOMPARE(m_model->rowCount(), 6);
}

void TestRemovalUndo::removalsAndUndoArePersisted()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("operations.db"));
    QVERIFY(OperationStore(path).add(m_model->operations()));

    OperationTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    OperationStore store(path);
    store.setWriteInterval(10);
    store.attach(&model);
    QVERIFY(store.flush());
    QCOMPARE(model.rowCount(), 6);

    RemovalUndo removal(&model);
    QCOMPARE(removal.removeFinished(), 3);
    QTRY_VERIFY(!store.hasPendingChanges());
    QCOMPARE(OperationStore(path).load().operations.size(), 3);

    removal.stack()->undo();
    QTRY_VERIFY(!store.hasPendingChanges());
    const QList<TrackedOperation> restored = OperationStore(path).load().operations;
    QCOMPARE(restored.size(), 6);
}

QTEST_MAIN(TestRemovalUndo)
#include "tst_gui_removalundo.moc"
